/**
 * The current HTML standard parses `<select>` content "in body" (the customizable-select
 * relaxation, whatwg/html PR 10557, html5lib-tests PR 178, shipped in Chromium): `<select><option>
 * <img src>` keeps the img, and Chromium 150 loads it. parse5 8.1.1, the latest release and our
 * reference, still has the older "in select" insertion modes, which drop every start tag but
 * option, optgroup, hr, input, keygen, textarea, select, script and template: a pixel written
 * there would go unseen.
 *
 * Both builders therefore keep, inside a select, what the in-body rules would make of:
 * - the void elements that load something (img, embed, source, track; `<image>` is made an img
 *   by parse5, the fast builder refuses it), appended at the current node;
 * - the in-head elements (base, link, meta, style, title, noframes...), by the in-head rules as
 *   in body: a `<style>` there is a style sheet, `<base>` a base, `<noframes>` raw text.
 * Other elements (div, span, picture, svg, video) stay dropped as parse5 drops them, their void
 * content kept: opening one would leave it open to the end of the select (the select mode
 * ignores their end tags), where an unclosed `<span style=display:none>` could hide a later
 * image that the relaxed parser shows. What that misses is in the README (known differences).
 */
export const VOID_KEPT_IN_SELECT: ReadonlySet<string> = new Set(['img', 'embed', 'source', 'track']);

/** Start tags the in-body rules hand to the in-head rules (script and template already were, in select). */
export const IN_HEAD_IN_SELECT: ReadonlySet<string> = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'style', 'title']);
