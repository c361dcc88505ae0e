import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, VISIBILITY_CASES as VISIBILITY } from './cases/index.js';
import { agrees, checkOracle, compareListed, compareLoads } from './compare.js';
import { verdicts } from './compare-visibility.js';
import { fill, Oracle, skipReason } from './oracle-browser.js';
import { extractorUrls } from './pixelaudit-lists.js';
import { renderedImages } from './rendered-images.js';

const PAGE = 'http://127.0.0.1:1111/__page/index.html';
const O = 'http://127.0.0.1:1111';

describe('the comparator fails when pixelaudit and Chromium disagree', () => {
  it('agrees on equal sets, whatever the order, fragments aside', () => {
    const c = compareLoads([`${O}/a.png`, `${O}/b.png`], [`${O}/b.png`, `${O}/a.png#x`, `${O}/a.png`], [], PAGE);
    expect(c).toEqual({ missing: [], missingOptional: [], extra: [] });
    expect(agrees(c)).toBe(true);
  });

  it('a URL pixelaudit lists that Chromium does not load is extra', () => {
    const c = compareLoads([`${O}/a.png`], [`${O}/a.png`, `${O}/template.png`], [], PAGE);
    expect(c.extra).toEqual([`${O}/template.png`]);
    expect(agrees(c)).toBe(false);
  });

  it('a load Chromium makes that pixelaudit misses is missing', () => {
    const c = compareLoads([`${O}/a.png`, `${O}/image-tag.png`], [`${O}/a.png`], [], PAGE);
    expect(c.missing).toEqual([`${O}/image-tag.png`]);
    expect(agrees(c)).toBe(false);
  });

  it('a URL in another form than the serialised one is a difference, not a match', () => {
    const c = compareLoads([`${O}/a%20b.png`], [`${O}/a b.png`], [], PAGE);
    expect(agrees(c)).toBe(false);
  });

  it('a candidate the standard lets the browser skip must still be listed', () => {
    expect(compareLoads([`${O}/1x.png`], [`${O}/1x.png`, `${O}/2x.png`], [`${O}/2x.png`], PAGE)).toEqual({ missing: [], missingOptional: [], extra: [] });
    const c = compareLoads([`${O}/1x.png`], [`${O}/1x.png`], [`${O}/2x.png`], PAGE);
    expect(c.missingOptional).toEqual([`${O}/2x.png`]);
    expect(agrees(c)).toBe(false);
  });

  it('a request relative to the fixture page is not expected in the list, and listing it is extra', () => {
    expect(agrees(compareLoads([`${O}/__page/rel.png`], [], [], PAGE))).toBe(true);
    expect(compareLoads([`${O}/__page/rel.png`], [`${O}/__page/rel.png`], [], PAGE).extra).toEqual([`${O}/__page/rel.png`]);
  });

  it('a navigation (refresh) must be named in notLoaded, and listing it as a resource is extra', () => {
    const ok = { loads: { missing: [], missingOptional: [], extra: [] }, notLoadedMissing: [], notLoadedExtra: [] };
    expect(compareListed([`${O}/a.png`, `${O}/r.html`], { resources: [`${O}/a.png`], notLoaded: [`${O}/r.html`] }, [], [`${O}/r.html`], PAGE)).toEqual(ok);
    const asResource = compareListed([`${O}/r.html`], { resources: [`${O}/r.html`], notLoaded: [] }, [], [`${O}/r.html`], PAGE);
    expect(asResource.loads.extra).toEqual([`${O}/r.html`]);
    expect(asResource.notLoadedMissing).toEqual([`${O}/r.html`]);
    expect(compareListed([], { resources: [], notLoaded: [`${O}/r.html`] }, [], [], PAGE).notLoadedExtra).toEqual([`${O}/r.html`]);
    // Without the case saying it navigates, a refresh Chromium followed is a load pixelaudit missed.
    expect(compareListed([`${O}/r.html`], { resources: [], notLoaded: [`${O}/r.html`] }, [], [], PAGE).loads.missing).toEqual([`${O}/r.html`]);
  });

  it('the oracle check names what Chromium did not do as the case says', () => {
    expect(checkOracle([`${O}/a.png`], [`${O}/a.png`], [], [])).toEqual({ notRequested: [], unexpected: [] });
    expect(checkOracle([`${O}/a.png`, `${O}/b.png`], [`${O}/a.png`, `${O}/c.png`], [], [])).toEqual({ notRequested: [`${O}/c.png`], unexpected: [`${O}/b.png`] });
    expect(checkOracle([`${O}/2x.png`], [], [`${O}/1x.png`, `${O}/2x.png`], [])).toEqual({ notRequested: [], unexpected: [] });
    expect(checkOracle([], [], [], [`${O}/__page/r.png`]).notRequested).toEqual([`${O}/__page/r.png`]);
  });
});

describe('the cases', () => {
  it('have unique ids (results are kept by id)', () => {
    for (const ids of [CASES.map((c) => c.id), VISIBILITY.map((c) => c.id)]) expect(ids.length).toBe(new Set(ids).size);
  });
  it('each make Chromium request something, so that "nothing else loaded" cannot pass on a page that failed', () => {
    expect(CASES.filter((c) => c.loads.length + (c.pageRelative?.length ?? 0) + (c.navigates?.length ?? 0) + (c.knownMissed?.length ?? 0) === 0).map((c) => c.id)).toEqual([]);
  });
  it('a documented difference (knownMissed) is only ever one the README names: the select relaxation for non-void elements, a string in image-set(var()), the preload scanner reading an SVG style undecoded', () => {
    expect(
      CASES.filter((c) => c.knownMissed)
        .map((c) => c.id)
        .every((id) => id.startsWith('select-known-missed-') || id === 'image-set-var' || id === 'tags-only-svg-style-sheet-kept'),
    ).toBe(true);
  });
  it('are at least 150 load cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });
});

describe('the visibility comparator fails when the verdicts differ', () => {
  const shown = { url: 'u', rendered: true, hidden: false, width: 40, height: 20 };
  it('agrees when both see a visible image of the same size', () => {
    const v = verdicts([shown], [{ url: 'u', hidden: false, tiny: false, width: 40, height: 20 }]);
    expect(v.pixelaudit).toEqual(v.chromium);
  });
  it('a hidden verdict Chromium does not share is a difference', () => {
    const v = verdicts([shown], [{ url: 'u', hidden: true, tiny: false }]);
    expect(v.pixelaudit).not.toEqual(v.chromium);
  });
  it('a declared size that is not the rendered one is a difference', () => {
    const v = verdicts([shown], [{ url: 'u', hidden: false, tiny: true, width: 1, height: 1 }]);
    expect(v.pixelaudit).not.toEqual(v.chromium);
  });
  it('a size the markup sets but pixelaudit does not report is a difference', () => {
    const v = verdicts([{ ...shown, width: 1, height: 1 }], [{ url: 'u', hidden: false, tiny: false }], ['width', 'height']);
    expect(v.pixelaudit).not.toEqual(v.chromium);
  });
  it('tiny is judged on the rendered size', () => {
    const v = verdicts([{ ...shown, width: 1, height: 0.5 }], [{ url: 'u', hidden: false, tiny: false, width: 1 }]);
    expect(v.pixelaudit).not.toEqual(v.chromium);
  });
  it('an image only one side has is a difference', () => {
    const v = verdicts([shown], []);
    expect(v.pixelaudit).not.toEqual(v.chromium);
  });
  it('sizes of an image Chromium does not lay out are not compared, the hidden verdict is', () => {
    const gone = { url: 'u', rendered: false, hidden: true, width: Number.NaN, height: Number.NaN };
    const v = verdicts([gone], [{ url: 'u', hidden: true, tiny: false, width: 1, height: 1 }]);
    expect(v.pixelaudit).toEqual(v.chromium);
  });
});

describe.skipIf(skipReason !== undefined)(`the oracle itself${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let oracle: Oracle;
  beforeAll(async () => {
    oracle = await Oracle.launch();
  }, 60_000);
  afterAll(async () => {
    await oracle?.close();
  });

  it('sees what Chromium loads, and a wrong list fails against it (end to end)', async () => {
    const html = '<img src="{{O}}/seen.png"><template><img src="{{O}}/inert.png"></template>';
    const l = await oracle.load(html);
    expect(l.requested).toEqual([`${l.origins.O}/seen.png`]);
    const wrong = compareLoads(l.requested, [`${l.origins.O}/seen.png`, `${l.origins.O}/inert.png`], [], l.pageUrl);
    expect(wrong.extra).toEqual([`${l.origins.O}/inert.png`]);
    const missed = compareLoads(l.requested, [], [], l.pageUrl);
    expect(missed.missing).toEqual([`${l.origins.O}/seen.png`]);
  });

  it('a URL off loopback is blocked by the route and recorded, and never reaches the network', async () => {
    const before = oracle.guard.escaped.length;
    const html = '<img src="http://198.51.100.1/pixel.gif"><img src="https://tracker.example/open"><img src="{{O}}/ok.png">';
    const l = await oracle.load(html);
    expect(l.blocked).toEqual(['http://198.51.100.1/pixel.gif', 'https://tracker.example/open']);
    expect(l.requested).toEqual([`${l.origins.O}/ok.png`]);
    // Blocked before any connection: not even the guard proxy saw it.
    expect(oracle.guard.escaped.length).toBe(before);
    // pixelaudit lists both: Chromium tried them, so they are loads of the message.
    const listed = extractorUrls(fill(html, l.origins));
    expect(compareLoads([...l.requested, ...l.blocked], listed, [], l.pageUrl)).toEqual({ missing: [], missingOptional: [], extra: [] });
  });

  it('without the route, the guard proxy catches the attempt and refuses it (the second layer works)', async () => {
    const before = oracle.guard.escaped.length;
    const l = await oracle.load('<img src="http://198.51.100.1/unrouted.gif"><img src="{{O}}/ok.png">', { route: false });
    expect(l.blocked).toEqual([]);
    expect(l.requested).toEqual([`${l.origins.O}/ok.png`]);
    expect(oracle.guard.escaped.slice(before)).toEqual(['GET http://198.51.100.1/unrouted.gif']);
    oracle.guard.escaped.splice(before);
  });

  it('scripts are off in the page, and page.evaluate (what the visibility suite reads with) still works', async () => {
    const l = await oracle.load('<title>t</title><script>document.title = "ran"</script><noscript><img src="{{O}}/noscript.png"></noscript>', {
      inspect: (page) => page.evaluate(() => [document.title, document.images.length]),
    });
    expect(l.inspected).toEqual(['t', 1]);
    expect(l.requested).toEqual([`${l.origins.O}/noscript.png`]);
  });

  it('reads the rendered images: hidden, tiny and sizes as laid out', async () => {
    const l = await oracle.load('<img src="{{O}}/shown.png" width="40" height="20"><div style="display:none"><img src="{{O}}/gone.png"></div><img src="{{O}}/one.png" width="1" height="1">', { inspect: renderedImages });
    const o = l.origins.O;
    expect(l.inspected).toEqual([
      { url: `${o}/shown.png`, rendered: true, hidden: false, width: 40, height: 20 },
      { url: `${o}/gone.png`, rendered: false, hidden: true, width: Number.NaN, height: Number.NaN },
      { url: `${o}/one.png`, rendered: true, hidden: false, width: 1, height: 1 },
    ]);
  });

  it('a loopback server request carries the method, path and headers in its log', async () => {
    const l = await oracle.load('<img src="{{O2}}/second.png?x=1">');
    expect(l.requested).toEqual([`${l.origins.O2}/second.png?x=1`]);
  });
});
