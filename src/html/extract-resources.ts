import type { Link, RejectedUrl, Resource } from '../types.js';
import { NO_DEADLINE, type DeadlineLike } from '../engine/deadline.js';
import { DocumentWalk } from './document-walk.js';
import { ExtractionSink } from './extraction-sink.js';
import { fastTree } from './fast-tree.js';
import { specTree } from './spec-tree.js';
import type { HtmlTree, TreeBuilder } from './tree.js';
import { tagTree } from './tag-tree.js';
import { TreeTooLarge } from './tree-size-cap.js';

export { remoteUrl } from '../url/remote-url.js';

export interface ExtractedHtml {
  /** Every remote resource a mail client would (must or may) load, in tree order. */
  resources: Resource[];
  /** a, area and SVG a hrefs that are http(s) URLs. */
  links: Link[];
  /** URLs in loading places that load nothing from the network (cid:, data:, relative without a base, unparsable), with the reason. */
  rejected: RejectedUrl[];
  /** Remote URLs that are named but never loaded by a mail client: `<meta http-equiv=refresh>`. */
  notLoaded: Resource[];
  /** Set when a document was over the node cap and read from its tags alone (tag-tree.ts): what the result must warn of. */
  tagsOnly?: boolean;
}

/**
 * Every remote resource a mail client would load when it shows `html`, read from the tree the
 * HTML standard's parser builds (scripting off, template contents inert), with its source
 * position and whether the reader could see it. The fast builder goes first where it exists
 * and vouches for the document; parse5 reads the rest.
 */
export function extractResources(html: string, deadline: DeadlineLike = NO_DEADLINE): ExtractedHtml {
  return extractWith(fastTree, html, deadline);
}

/**
 * The extraction over one builder; where it returns null (it cannot vouch for a document or
 * fragment), the spec builder reads that one. Exported so that tests run both builders.
 */
export function extractWith(builder: TreeBuilder, html: string, deadline: DeadlineLike = NO_DEADLINE): ExtractedHtml {
  const sink = new ExtractionSink(html, deadline, withFallback(builder, deadline));
  const tree = documentTree(sink, html);
  if (tree) new DocumentWalk(sink, tree, { source: html, offset: 0 }).run();
  // Each srcdoc is a document of its own (the container's base is its fallback base); its
  // resources point at the iframe. A frame's data: document too (with no base: a data: URL is
  // no base for relative ones). Those it holds join the queue.
  for (let doc = sink.nextSrcdoc(); doc; doc = sink.nextSrcdoc()) {
    const inner = documentTree(sink, doc.html);
    if (inner) new DocumentWalk(sink, inner, { source: doc.html, offset: 0, fixedAt: doc.at, base: doc.base, baseFallback: doc.base, hidden: doc.hidden, client: doc.client, depth: doc.depth }).run();
  }
  return { resources: sink.resources, links: sink.links, rejected: sink.rejected, notLoaded: sink.notLoaded, ...(sink.tagsOnly ? { tagsOnly: true } : {}) };
}

/**
 * The document's tree; past the node cap its tags alone (tag-tree.ts), whose resources the sink
 * files as may-loads with TAGS_ONLY_NOTE. Failing the message there let a sender pad a tracked
 * message past the cap and have it counted "failed" instead of "tracked"; the tags are read to
 * the end, so padding placed before the pixel hides nothing. Once set, the sink marks what
 * follows too (a srcdoc read after it): the walk order is the document's.
 */
function documentTree(sink: ExtractionSink, html: string): HtmlTree | null {
  try {
    return sink.builder.document(html);
  } catch (error) {
    if (!(error instanceof TreeTooLarge)) throw error;
    const tags = tagTree(html, sink.deadline);
    sink.tagsOnly = true;
    return tags;
  }
}

/** The builder with parse5 behind it, both held to the message's deadline. */
function withFallback(builder: TreeBuilder, deadline: DeadlineLike): TreeBuilder {
  const inner: TreeBuilder =
    builder === specTree
      ? { document: (html) => specTree.document(html, deadline), fragment: (html, context, _, document) => specTree.fragment(html, context, deadline, document) }
      : {
          document: (html) => builder.document(html, deadline) ?? specTree.document(html, deadline),
          fragment: (html, context, _, document) => builder.fragment(html, context, deadline, document) ?? specTree.fragment(html, context, deadline, document),
        };
  return { document: (html) => inner.document(html), fragment: sameFragmentOnce(inner) };
}

// Most bounded: a message's distinct short fragments are kept until its extraction ends.
const MAX_FRAGMENT_CHARS = 4096;
const MAX_FRAGMENTS = 1000;
// And by their characters: a tree holds up to one node per 3 characters (`<p>`), so 1,000
// fragments of 4,096 characters kept 1.4 million nodes (about 300 MB) past the per-tree cap
// (tree-size-cap.ts); 256 Ki characters keep at most about 87,000.
const MAX_CACHED_FRAGMENT_CHARS = 256 * 1024;

/**
 * Templates repeat their Outlook conditional comments row after row (`<!--[if mso]><td><![endif]-->`):
 * the corpus's 1,809 are 878 distinct within their messages. A tree depends only on the text,
 * on the context element's name (both builders make the context from name and namespace;
 * only HTML contexts are kept, where no attribute can matter) and on its document (whose
 * selectors' attribute names the fast tree keeps), and a walk does not change it,
 * so each distinct short fragment of one message is built once. Per message: nothing is kept
 * across messages.
 */
function sameFragmentOnce(builder: TreeBuilder): TreeBuilder['fragment'] {
  // By document too (the message's, a srcdoc's): the document's selectors decide what a tree keeps.
  const built = new Map<string, Map<string, ReturnType<TreeBuilder['fragment']>>>();
  let count = 0;
  let chars = 0;
  return (html, context, deadline, document = html) => {
    if (context.namespace !== 'html' || html.length > MAX_FRAGMENT_CHARS) return builder.fragment(html, context, deadline, document);
    let trees = built.get(document);
    const key = `${context.name}\0${html}`;
    if (trees?.has(key)) return trees.get(key) ?? null;
    const tree = builder.fragment(html, context, deadline, document);
    if (count < MAX_FRAGMENTS && chars + html.length <= MAX_CACHED_FRAGMENT_CHARS) {
      if (!trees) built.set(document, (trees = new Map<string, ReturnType<TreeBuilder['fragment']>>()));
      trees.set(key, tree);
      count++;
      chars += html.length;
    }
    return tree;
  };
}
