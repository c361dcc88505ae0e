import type { ElementContext } from './element-context.js';
import type { Hidden } from './visibility.js';

/**
 * What the browser's own style sheet and rendering model hide (the HTML standard's rendering
 * section, Chromium's html.css; each proven in test/browser/cases/visibility-ua.ts), for an
 * element whose cascaded author `display` is `display` (undefined: none set).
 *
 * Two kinds. `display:none` in the UA sheet loses to any author display, as the `hidden`
 * attribute does: `dialog` without `open`, `datalist`, `rp`, a `popover` (never shown: showing
 * one takes a script or a button, and mail has neither), `audio` without `controls`. Content
 * that is not rendered whatever its style: the children of `video` and `audio` (fallback
 * content; so are those of `progress` and `meter`), everything inside a `select` (drawn only in
 * its picker, which a message cannot open), of an `object` that has data (it renders that instead: an image, a page, even a type
 * it cannot show, in Chromium 150), and of a closed `details` but its first `summary` (they sit
 * in a slot with `content-visibility: hidden`).
 */
export function hiddenByUserAgent(ctx: ElementContext, display: string | undefined): Hidden | undefined {
  const el = ctx.el;
  if (el.namespace !== 'html') return undefined;
  const parent = ctx.parent?.el;
  if (parent && parent.namespace === 'html') {
    const p = parent.name;
    if (p === 'video' || p === 'audio' || p === 'progress' || p === 'meter') return { by: 'not-rendered', detail: `fallback content of <${p}>` };
    // A select shows its chosen option's text in its button; its content is drawn only in the picker, once opened.
    if (p === 'select') return { by: 'not-rendered', detail: 'content of a <select>' };
    if (p === 'object' && (parent.attrs.data ?? '').trim() !== '') return { by: 'not-rendered', detail: '<object data> renders its data, not this content' };
    if (p === 'details' && !('open' in parent.attrs) && !(el.name === 'summary' && ctx.typeIndex === 1)) return { by: 'not-rendered', detail: 'content of a closed <details>' };
  }
  if (display !== undefined) return undefined;
  const name = el.name;
  const none = (why: string): Hidden => ({ by: 'display-none', detail: `<${name}>${why}: display:none in the browser's style sheet` });
  if (name === 'dialog' && !('open' in el.attrs)) return none(' without open');
  if (name === 'datalist' || name === 'rp') return none('');
  if (name === 'audio' && !('controls' in el.attrs)) return none(' without controls');
  if ('popover' in el.attrs) return none(' popover, not shown');
  return undefined;
}
