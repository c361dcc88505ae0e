// npm run build && node dist/scripts/gather-negative-urls.js > test/data/negative-urls.txt
// Gathers ordinary URLs from the hand-labelled corpus messages for the negative corpus: every
// remote resource and link of a message labelled clean (sure), and the visible content images
// (declared wider than 3 px, not hidden, not a labelled pixel) of a message labelled tracked,
// and the unsubscribe and preference-page links of both.
// URLs are masked as pixelaudit masks output (recipient addresses, long per-recipient tokens);
// no URL is fetched. The list was reviewed by hand after gathering (see its header).
import path from 'node:path';
import { analyseParsed } from '../src/engine/analyse-message.js';
import { createDetector } from '../src/engine/detector.js';
import { redactUrl } from '../src/engine/redact.js';
import { findCorpora, readLabels } from '../src/eval/evaluate.js';
import { readOneMessage } from '../src/input/read-one.js';
import { parseMessage } from '../src/mail/parse-message.js';
import { PACKAGE_ROOT } from '../src/package-root.js';

const PER_MESSAGE = 12;
// Any address, also one the message does not name as a recipient (a forwarded copy's); not a
// retina image name (`button@2x.png`).
const ANY_ADDRESS = /[A-Za-z0-9._+-]+(?:@|%40)(?:[A-Za-z0-9-]+\.)+(?!(?:png|gif|jpe?g|webp|svg)\b)[A-Za-z]{2,}/g;
// An unsubscribe link names its reader in every query value: each is cut to four characters.
const cutQueryValues = (url: string): string => url.replace(/([?&][^=&#]*=)([^&#]{5,})/g, (_, name: string, value: string) => `${name}${value.slice(0, 4)}…`);
const UNSUBSCRIBE = /unsub|opt-?out|preferences|abmelden|desinscri|manage[-_]?subscription/i;
const corpora = findCorpora(PACKAGE_ROOT, process.env.PIXELAUDIT_CORPORA);
if (!corpora) throw new Error('no corpora beside the project');
const detector = createDetector({ redact: true });
const seen = new Set<string>();
for (const label of readLabels(path.join(corpora, 'labels', 'public.jsonl'))) {
  if (label.tracked === null || label.confidence !== 'sure') continue;
  const { bytes } = await readOneMessage(path.join(corpora, label.file), 64 * 1024 * 1024);
  const parsed = await parseMessage(bytes);
  const { ctx, html } = analyseParsed(parsed, detector);
  const pixels = label.pixels.map((p) => p.url.slice(0, 200));
  const urls: Array<{ url: string; what: string }> = [];
  for (const r of html.resources) {
    const res = r.facts.resource;
    if (!/^https?:\/\//i.test(res.url)) continue;
    if (label.tracked) {
      const visible = !res.hiddenDetail && (res.width === undefined || res.width > 3) && (res.height === undefined || res.height > 3);
      if (res.kind !== 'img' || !visible || pixels.some((p) => res.url.startsWith(p) || p.startsWith(res.url.slice(0, 200)))) continue;
    }
    urls.push({ url: res.url, what: `${res.element} ${res.kind}` });
  }
  if (!label.tracked) for (const l of html.links) urls.push({ url: l.facts.link.url, what: 'link' });
  const unsubscribe = html.links.map((l) => l.facts.link.url).filter((u) => /^https?:\/\//i.test(u) && UNSUBSCRIBE.test(u));
  const lines: string[] = [];
  const add = (url: string, what: string, cut = false): boolean => {
    const redacted = redactUrl(url, ctx.addresses).replace(ANY_ADDRESS, '[address]');
    const masked = cut ? cutQueryValues(redacted) : redacted;
    if (seen.has(masked) || /\s/.test(masked) || masked.length > 400) return false;
    seen.add(masked);
    lines.push(`${masked}\t# ${what}`);
    return true;
  };
  for (const { url, what } of urls) if (lines.length < PER_MESSAGE) add(url, what);
  let pages = 0;
  for (const url of unsubscribe) if (pages < 3 && add(url, 'unsubscribe or preferences link', true)) pages++;
  if (lines.length) console.log(`## ${label.file} (labelled ${label.tracked ? 'tracked: its visible content images' : 'clean'})\n${lines.join('\n')}`);
}
