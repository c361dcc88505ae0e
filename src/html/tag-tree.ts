import { decodeHTML } from 'entities';
import { foreignContent, html as spec } from 'parse5';
import type { DeadlineLike } from '../engine/deadline.js';
import { walkHtml } from './sax.js';
import { MAX_TREE_NODES, TreeTooLarge } from './tree-size-cap.js';
import type { HtmlTree, Namespace, StyleText, TreeElement } from './tree.js';

/**
 * What `explain` and the report say of every resource read this way: the document was over the
 * per-message node cap (tree-size-cap.ts), so no tree was built and each loading tag was read on
 * its own. The padding that put it over the cap is what an adversary adds to hide a pixel: its
 * tags are still read to the end, so the pixel is listed and judged, as a may-load.
 */
export const TAGS_ONLY_NOTE = `read from its tag alone: the document has more than ${MAX_TREE_NODES.toLocaleString('en-US')} elements and comments (the per-message memory budget), so no tree was built and whether it loads or is hidden is not proven`;

/**
 * A flat stand-in for a document over the node cap: every element whose start tag has an
 * attribute (an element without one loads nothing itself), every `<style>` and `<picture>`, in
 * source order, as children of the body (a picture's elements as its own children), read by the linear tag walker of sax.ts (htmlparser2's rules, not the
 * HTML standard's tree construction). What the tree would have decided from ancestors and
 * siblings is lost: a pixel under a hidden parent or inside `<template>` is listed as if it
 * stood alone (the safe side: listed, never dropped). Namespaces follow open `<svg>`/`<math>`
 * elements, SVG names are adjusted as the parser adjusts them. The elements kept are capped
 * too: a document of more than MAX_TREE_NODES elements that each carry an attribute fails.
 */
export function tagTree(html: string, deadline: DeadlineLike): HtmlTree {
  const elements: TreeElement[] = [];
  const styles: StyleText[] = [];
  // The open svg/math elements and, inside them, the integration points whose content is HTML
  // (only those: a million nested <div>s cost nothing here).
  const foreign: Open[] = [];
  // The namespace of the element opened last: raw text is HTML's alone.
  let opened: Namespace = 'html';
  // Pictures are the one element given its children (the elements kept up to its close): a
  // source loads through its picture's img. Open ones by index; each one's end, once closed.
  const pictures: number[] = [];
  const closedAt = new Map<number, number>();
  walkHtml(
    html,
    {
      open(name, attrs, start) {
        deadline.tick();
        const namespace = enterNamespace(name, attrs, foreign);
        opened = namespace;
        const adjusted = namespace === 'svg' ? (foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(name) ?? name) : namespace === 'html' && name === 'image' ? 'img' : name;
        // A <picture> is kept bare too: its sources load through its img.
        if (name !== 'style' && name !== 'picture' && !hasAttribute(attrs)) return;
        if (elements.length >= MAX_TREE_NODES) throw new TreeTooLarge();
        if (name === 'picture') pictures.push(elements.length);
        elements.push({ name: adjusted, namespace, attrs, start });
        // The walk reads the document's sheets in the order of its style elements: one each, of
        // HTML and SVG (a MathML <style> is no style sheet: the walk skips it and its text).
        if (name === 'style' && namespace !== 'math') styles.push({ css: '', start });
      },
      close(name) {
        if (name === foreign[foreign.length - 1]?.name) foreign.pop();
        if (name === 'picture' && pictures.length) closedAt.set(pictures.pop() as number, elements.length);
      },
      text(start, end) {
        // Raw text follows its element's open at once: only a style element's is kept.
        const last = elements[elements.length - 1];
        if (last?.name === 'style' && styles.length && styles[styles.length - 1].start === last.start) styles[styles.length - 1] = { css: html.slice(start, end), start };
      },
      comment() {},
      // Inside <svg> or <math>, <style>, <title>, <script> ... are ordinary elements: their
      // content is markup (an <img> in an SVG <style> breaks out and loads, as parse5 and
      // Chromium read it; outside review 4). An SVG or MathML style's sheet is its text up to the
      // first tag (its first text child: a tag after it ends that text or breaks out).
      rawText(name, contentStart) {
        if (opened === 'html') return true;
        if (name === 'style' && styles.length && styles[styles.length - 1].start === elements[elements.length - 1]?.start) {
          const end = html.indexOf('<', contentStart);
          const text = html.slice(contentStart, end === -1 ? html.length : end);
          styles[styles.length - 1] = { css: text.includes('&') ? decodeHTML(text) : text, start: contentStart };
        }
        return false;
      },
      // A CDATA section in foreign content stays a bogus comment ending at the first `>` (what
      // follows it is read as markup): Chromium's preload scanner fetched an <img> after
      // `<svg><![CDATA[ >` behind a <template> (oracle tags-only-svg-cdata-may-load), so the
      // superset is kept.
    },
    undefined,
    MAX_DEPTH,
  );
  return {
    styles,
    walk(visitor) {
      const open: number[] = [];
      for (let i = 0; i < elements.length; i++) {
        while (open.length && (closedAt.get(open[open.length - 1]) ?? elements.length) <= i) visitor.leave(elements[open.pop() as number]);
        const el = elements[i];
        visitor.enter(el);
        if (el.name === 'picture') open.push(i);
        else visitor.leave(el);
      }
      while (open.length) visitor.leave(elements[open.pop() as number]);
    },
  };
}

// Chromium's parser puts the children of the 512th open element beside it.
const MAX_DEPTH = 512;

interface Open {
  readonly name: string;
  /** The namespace of what opens inside it: svg or math, or html inside an integration point. */
  readonly inside: Namespace;
}

const NS_OF: Record<string, spec.NS> = { svg: spec.NS.SVG, math: spec.NS.MATHML };

/**
 * The namespace of an element opening here, by the tree construction's rules for foreign content
 * as parse5 gives them (outside review 4: the first version kept everything after an open `<svg>`
 * foreign, so `<svg><img src=pixel>` or a `<foreignObject>`'s image, which Chromium loads, was a
 * foreign element that loads nothing): a tag that breaks out of foreign content (`img`, `p`, `b`,
 * `font` with `color`/`face`/`size`, ...) closes the foreign elements up to the nearest
 * integration point and is HTML; the content of an integration point (`foreignObject`, `desc`,
 * `title`, MathML's text elements, `annotation-xml` as HTML) is HTML. Keeps `open` up to date.
 */
function enterNamespace(name: string, attrs: Record<string, string>, open: Open[]): Namespace {
  if (name === 'svg' || name === 'math') {
    open.push({ name, inside: name });
    return name;
  }
  const top = open[open.length - 1];
  if (top === undefined || top.inside === 'html') return 'html';
  const namespace = top.inside;
  const list = Object.entries(attrs).map(([n, value]) => ({ name: n, value }));
  // One id for both questions: SVG's case adjustment (foreignobject -> foreignObject) touches no
  // tag that breaks out.
  const tagID = spec.getTagID(namespace === 'svg' ? (foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(name) ?? name) : name);
  if (foreignContent.causesExit({ tagID, attrs: list } as Parameters<typeof foreignContent.causesExit>[0])) {
    while (open.length > 0 && open[open.length - 1].inside !== 'html') open.pop();
    return 'html';
  }
  if (foreignContent.isIntegrationPoint(tagID, NS_OF[namespace], list)) open.push({ name, inside: 'html' });
  return namespace;
}

function hasAttribute(attrs: Record<string, string>): boolean {
  for (const _ in attrs) return true;
  return false;
}
