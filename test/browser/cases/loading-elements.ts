import type { LoadCase } from '../load-case.js';

export const LOADING_ELEMENTS: LoadCase[] = [];
