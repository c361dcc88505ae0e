export { VERSION } from './package-root.js';
