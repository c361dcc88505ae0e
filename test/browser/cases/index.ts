import type { LoadCase } from '../load-case.js';
import { CSS_SYNTAX } from './css-syntax.js';
import { DATA_URLS } from './data-urls.js';
import type { VisibilityCase } from '../visibility-case.js';
import { DEEP_NESTING_LOADS, DEEP_NESTING_VISIBILITY } from './deep-nesting.js';
import { FOREIGN_CONTENT } from './foreign-content.js';
import { IMPORT_CONDITIONS } from './import-conditions.js';
import { META_CSP } from './meta-csp.js';
import { PRELOAD_SCANNER } from './preload-scanner.js';
import { TAGS_ONLY_FOREIGN } from './tags-only-foreign.js';
import { LOADING_ELEMENTS } from './loading-elements.js';
import { SVG_SHADOW_LOADS } from './svg-shadow-loads.js';
import { STYLE_SHEETS } from './style-sheets.js';
import { TOKENIZER } from './tokenizer.js';
import { TREE_CONSTRUCTION } from './tree-construction.js';
import { URL_PARSING } from './url-parsing.js';
import { VISIBILITY } from './visibility.js';

/** Every case of the browser oracle, by the part of the standards it exercises. */
export const CASES: readonly LoadCase[] = [
  ...TOKENIZER,
  ...TREE_CONSTRUCTION,
  ...FOREIGN_CONTENT,
  ...CSS_SYNTAX,
  ...IMPORT_CONDITIONS,
  ...URL_PARSING,
  ...LOADING_ELEMENTS,
  ...DEEP_NESTING_LOADS,
  ...STYLE_SHEETS,
  ...SVG_SHADOW_LOADS,
  ...DATA_URLS,
  ...META_CSP,
  ...PRELOAD_SCANNER,
  ...TAGS_ONLY_FOREIGN,
];

/** Every visibility case of the browser oracle. */
export const VISIBILITY_CASES: readonly VisibilityCase[] = [...VISIBILITY, ...DEEP_NESTING_VISIBILITY];
