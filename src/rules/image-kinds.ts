import type { ResourceKind } from '../types.js';

/** Resource kinds that load an image (not a style sheet or a font): what "an image" means to the image rules. */
export const IMAGE_KINDS: ReadonlySet<ResourceKind> = new Set<ResourceKind>(['img', 'img-srcset', 'background-attr', 'css-url', 'input-image', 'video-poster', 'vml-image']);
