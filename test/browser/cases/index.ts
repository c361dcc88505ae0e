import type { LoadCase } from '../load-case.js';
import { CSS_SYNTAX } from './css-syntax.js';
import { FOREIGN_CONTENT } from './foreign-content.js';
import { LOADING_ELEMENTS } from './loading-elements.js';
import { TOKENIZER } from './tokenizer.js';
import { TREE_CONSTRUCTION } from './tree-construction.js';
import { URL_PARSING } from './url-parsing.js';

/** Every case of the browser oracle, by the part of the standards it exercises. */
export const CASES: readonly LoadCase[] = [...TOKENIZER, ...TREE_CONSTRUCTION, ...FOREIGN_CONTENT, ...CSS_SYNTAX, ...URL_PARSING, ...LOADING_ELEMENTS];
