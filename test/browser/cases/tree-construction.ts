import type { LoadCase } from '../load-case.js';

export const TREE_CONSTRUCTION: LoadCase[] = [];
