/// <reference lib="dom" />
import { cssTokens } from '../../src/html/css-declarations.js';
import { CHROMIUM_PROPERTIES } from '../../src/html/chromium-properties.js';
import { supportsMatches } from '../../src/html/css-supports.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Oracle, skipReason } from './oracle-browser.js';

// Conditions as mail and attackers write them: pixelaudit's answer, where it gives one, must be Chromium's CSS.supports().
const CONDITIONS = [
  '(display: grid)',
  '(display: bogus)',
  '(DISPLAY: Flex)',
  '(display: grid !important)',
  '(-webkit-overflow-scrolling: touch)',
  '(mso-hide: all)',
  '(-ms-interpolation-mode: bicubic)',
  '(--x: 1)',
  '(color: inherit)',
  '(bogus: inherit)',
  'not (display: grid)',
  'not (-webkit-overflow-scrolling: touch)',
  'not (not (display: block))',
  '((display: grid))',
  '(display: grid) and (opacity: 0)',
  '(display: grid) and (-webkit-overflow-scrolling: touch)',
  '(bogus: 1) or (display: flex)',
  '(display: grid) and (opacity: 1) or (position: sticky)',
  '(position: sticky)',
  '(transform: scale(0))',
  '(transform: bogus(0))',
  '(width: calc(1px + 2px))',
  '(margin: 1px 2px)',
  '(margin-left: )',
  'foo(bar)',
  '(display: grid) and',
  '(display grid)',
  'not (opacity: 0) and (display: block)',
];

describe.skipIf(skipReason !== undefined)(`@supports as Chromium answers it${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let oracle: Oracle;
  let chromium: { properties: string[]; answers: boolean[] };

  beforeAll(async () => {
    oracle = await Oracle.launch();
    const l = await oracle.load('<p>supports</p>', {
      inspect: (page) =>
        page.evaluate((conditions) => {
          const names = new Set<string>();
          for (let o: object | null = document.body.style; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) for (const n of Object.getOwnPropertyNames(o)) names.add(n);
          const dashed = [...names].map((n) => (n.startsWith('webkit') ? '-' : '') + n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).filter((n) => /^-?[a-z]+(-[a-z]+)*$/.test(n));
          return { properties: dashed.filter((n) => CSS.supports(n, 'inherit')).sort(), answers: conditions.map((c) => CSS.supports(c)) };
        }, CONDITIONS),
    });
    chromium = l.inspected!;
  }, 120_000);

  afterAll(async () => {
    await oracle?.close();
  });

  it("the property list is this Chromium's", () => expect([...CHROMIUM_PROPERTIES].sort()).toEqual(chromium.properties));

  it("every answer pixelaudit gives is Chromium's; the unknown ones are few", () => {
    const ours = CONDITIONS.map((c) => supportsMatches(cssTokens(c)));
    const compared = CONDITIONS.map((c, i) => [c, ours[i] === undefined ? 'unknown' : ours[i]]);
    expect(compared).toEqual(CONDITIONS.map((c, i) => [c, ours[i] === undefined ? 'unknown' : chromium.answers[i]]));
    expect(ours.filter((a) => a === undefined).length).toBeLessThanOrEqual(4);
  });

  it('no request reached the guard proxy', () => expect(oracle.guard.escaped).toEqual([]));
});
