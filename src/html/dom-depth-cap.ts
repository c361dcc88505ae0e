/**
 * Chromium's cap on the depth of the tree its HTML parser builds (Blink's
 * kMaximumHTMLParserDOMTreeDepth, applied in HTMLConstructionSite::AttachLater): once more than
 * this many elements are open, a new node goes into the parent of the current node instead of
 * into the current node, so the tree never gets deeper however deeply the markup nests. The stack
 * of open elements still grows (end tags close what they name); foster-parented nodes are not
 * moved. Both builders apply it (fast-tree-builder.ts, spec-tree.ts), and the browser oracle
 * checks it (`test/browser/cases/deep-nesting.ts`): without it, a pixel written past depth 512
 * after a `display:none` element would be read as inside it, where Chromium shows it.
 */
export const MAX_DOM_DEPTH = 512;
