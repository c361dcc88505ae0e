import type { LoadCase } from '../load-case.js';

export const URL_PARSING: LoadCase[] = [];
