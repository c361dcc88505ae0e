import type { LoadCase } from '../load-case.js';

export const FOREIGN_CONTENT: LoadCase[] = [];
