/**
 * The current HTML standard parses `<select>` content "in body" (the customizable-select
 * relaxation, whatwg/html PR 10557, html5lib-tests PR 178, shipped in Chromium): `<select><option>
 * <img src>` keeps the img, and Chromium 150 loads it. parse5 8.1.1, our reference, still has
 * the older "in select" insertion modes, which drop every start tag but option, optgroup, hr,
 * input, keygen, textarea, select, script and template, so a pixel written there would go unseen.
 *
 * Both builders therefore keep, inside a select, the void elements that load something: they
 * are appended at the current node, as the in-body rules do (img, embed, source and track
 * through "reconstruct, insert, pop"; link and meta through the in-head rules). Non-void
 * elements (div, span, picture, svg) stay dropped as parse5 drops them: opening one would leave
 * it open to the end of the select, where an unclosed `<span style=display:none>` could hide a
 * later image that the relaxed parser shows; their void content is still kept. Formatting
 * elements are not reconstructed inside the select (old and new parsers agree on no case here
 * that loads).
 */
export const KEPT_IN_SELECT: ReadonlySet<string> = new Set(['img', 'embed', 'source', 'track', 'link', 'meta']);
