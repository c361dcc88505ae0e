// node dist/scripts/bench-redaction.js [OTHER_ROOT ...]: the CPU time of the redaction step on
// ordinary mail, this build against other builds (a checkout's root with its dist/ built, such
// as the main branch's), rounds alternated in one process so that load on the shared machine
// falls on all alike. Two figures a round: find plus mask (AddressFinder.find and maskAddresses)
// and the whole redactText of each URL, over 20,000 click and pixel URLs shaped like a
// newsletter's (base64 and hex tokens, percent-encoded redirects, &amp;), 3 recipients, one in
// 50 URLs holding an address in some form. A third figure is a mailbox whose recipients differ
// from message to message (the bench mbox, a shared archive): MESSAGES finders, each built for
// two new addresses and used on what one message's redaction reads (a subject, a sender, four of
// the URLs), so the finder's build cost counts. Printed as CPU seconds and as ratios to this build.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/package-root.js';

interface Build {
  name: string;
  AddressFinder: new (addresses: string[]) => { find(url: string): unknown[] };
  maskAddresses: (text: string, finder: unknown) => string;
  redactText: (text: string, finder: unknown) => string;
}

const RECIPIENTS = ['reader@example.org', 'Reader.Two@mail.example.com', 'third+tag@example.net'];
const COUNT = Number(process.env.BENCH_URLS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2_000);

/** A deterministic pseudo-random source, so every build reads the same URLs. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function urls(): string[] {
  const next = random(7);
  const token = (n: number): string => createHash('sha256').update(String(next())).digest('base64url').repeat(4).slice(0, n);
  const hex = (n: number): string => createHash('sha1').update(String(next())).digest('hex').repeat(3).slice(0, n);
  const out: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const kind = i % 5;
    let url: string;
    if (kind === 0) url = `https://click.mailer${i % 7}.example/ls/click?upn=${token(40 + (i % 160))}-2F${token(30)}-3D&c=${i}`;
    else if (kind === 1) url = `https://t.shop.example/o.gif?id=${hex(32)}&cid=${i}&utm_source=newsletter&utm_medium=email`;
    else if (kind === 2) url = `https://r.news.example/track?u=${encodeURIComponent(`https://shop.example/p/${i}?ref=mail&sub=${token(24)}`)}&amp;e=${hex(16)}`;
    else if (kind === 3) url = `https://links.example.com/a/${i}/${token(60)}/${hex(40)}.png`;
    else url = `https://em.brand.example/CI0/${token(120)}/${token(20)}`;
    if (i % 50 === 0) {
      const address = RECIPIENTS[i % 3];
      url += [`&e=${address}`, `&e=${encodeURIComponent(address)}`, `&h=${createHash('md5').update(address.toLowerCase()).digest('hex')}`, `&b=${Buffer.from(address.toLowerCase()).toString('base64')}`][(i / 50) % 4];
    }
    out.push(url);
  }
  return out;
}

async function load(root: string, name: string): Promise<Build> {
  const at = (p: string): Promise<Record<string, unknown>> => import(pathToFileURL(path.join(root, 'dist', 'src', p)).href);
  const [leak, mask, redact] = await Promise.all([at('url/address-leak.js'), at('engine/mask-addresses.js'), at('engine/redact.js')]);
  return { name, AddressFinder: leak.AddressFinder, maskAddresses: mask.maskAddresses, redactText: redact.redactText } as Build;
}

function cpuSeconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

const builds = [await load(PACKAGE_ROOT, 'this build'), ...(await Promise.all(process.argv.slice(2).map((root) => load(path.resolve(root), root))))];
const input = urls();
const figures = builds.map(() => ({ findMask: [] as number[], redact: [] as number[], perMessage: [] as number[] }));
let sink = 0;
for (let round = 0; round < ROUNDS; round++) {
  builds.forEach((b, k) => {
    figures[k].perMessage.push(
      cpuSeconds(() => {
        for (let m = 0; m < MESSAGES; m++) {
          // Distinct in every round too, so no build's cache of finders or forms helps.
          const finder = new b.AddressFinder([`reader${round}.${m}@example${m % 40}.org`, `Name.${m}.R${round}@mail.example.com`]);
          sink += b.redactText(`Your order ${m} has shipped`, finder).length + b.redactText(`Shop ${m % 50} <news@shop${m % 50}.example>`, finder).length;
          for (let u = 0; u < 4; u++) sink += b.redactText(input[(m * 4 + u) % input.length], finder).length;
        }
      }),
    );
    const finder = new b.AddressFinder(RECIPIENTS);
    figures[k].findMask.push(
      cpuSeconds(() => {
        for (const url of input) sink += finder.find(url).length + b.maskAddresses(url, finder).length;
      }),
    );
    const finder2 = new b.AddressFinder(RECIPIENTS);
    figures[k].redact.push(
      cpuSeconds(() => {
        for (const url of input) sink += b.redactText(url, finder2).length;
      }),
    );
  });
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs: number[]): string => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;
console.log(`redaction of ${input.length} URLs, ${RECIPIENTS.length} recipients; ${MESSAGES} messages of new recipients; ${ROUNDS} alternated rounds (CPU s, median and range; ratio to this build)`);
builds.forEach((b, k) => {
  const f = figures[k];
  const r0 = figures[0];
  console.log(
    `${b.name.padEnd(24)} find+mask ${median(f.findMask).toFixed(2)} (${range(f.findMask)}) x${(median(f.findMask) / median(r0.findMask)).toFixed(2)}   redactText ${median(f.redact).toFixed(2)} (${range(f.redact)}) x${(median(f.redact) / median(r0.redact)).toFixed(2)}   per message ${median(f.perMessage).toFixed(2)} (${range(f.perMessage)}) x${(median(f.perMessage) / median(r0.perMessage)).toFixed(2)}`,
  );
});
if (sink < 0) console.log(sink);
