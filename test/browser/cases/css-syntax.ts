import type { LoadCase } from '../load-case.js';

export const CSS_SYNTAX: LoadCase[] = [];
