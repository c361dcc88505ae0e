import { esc } from './escape.js';
import { fitText } from './text-width.js';

/** One bar of a horizontal bar chart. */
export interface Bar {
  label: string;
  /** Length of the bar, in the chart's unit (a share from 0 to 1, or a count). */
  value: number;
  /** What is written at the end of the bar. */
  text: string;
  /** A 95% interval, drawn as a whisker. */
  interval?: { low: number; high: number };
  /** A published figure, drawn as a mark across the bar. */
  marker?: number;
}

/** Half a page wide: a chart beside its table keeps 12-unit text at about 12 pixels. */
const WIDTH = 520;
const VALUE_W = 96;
const ROW = 24;
const TOP = 8;
const AXIS = 22;
/** Geometry of a bar chart: the default suits a full column; small multiples are narrower, so that text keeps its size. */
export interface BarLayout {
  width: number;
  labelWidth: number;
}
const HALF: BarLayout = { width: WIDTH, labelWidth: 200 };
/** For a chart with the page's width to itself. */
export const WIDE: BarLayout = { width: 640, labelWidth: 230 };

const n = (x: number): string => (Math.round(x * 10) / 10).toString();
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * A horizontal bar chart as inline SVG: pure, strings out of data, every label escaped.
 * Each bar carries `data-value` so the browser test can read what was drawn; the `<title>`
 * names the chart for assistive technology, and the table printed beside it is the text
 * alternative (`aria-describedby`).
 */
export function barChart(id: string, title: string, bars: readonly Bar[], options: { share: boolean; describedBy: string; layout?: BarLayout }): string {
  const { width, labelWidth: LABEL_W } = options.layout ?? HALF;
  const max = options.share ? 1 : bars.reduce((m, b) => Math.max(m, b.value), 1);
  const plot = width - LABEL_W - VALUE_W;
  const x = (v: number): number => LABEL_W + (Math.max(0, Math.min(v, max)) / max) * plot;
  const height = TOP + bars.length * ROW + AXIS;
  const out: string[] = [
    `<svg id="${esc(id)}" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${esc(id)}-t" aria-describedby="${esc(options.describedBy)}" data-max="${max}">`,
    `<title id="${esc(id)}-t">${esc(title)}</title>`,
  ];
  const ticks = options.share ? [0, 0.25, 0.5, 0.75, 1] : niceTicks(max);
  for (const t of ticks) {
    out.push(`<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="${TOP - 4}" y2="${height - AXIS + 2}"/>`);
    out.push(`<text class="axis" x="${n(x(t))}" y="${height - 6}" text-anchor="middle">${options.share ? pct(t) : t}</text>`);
  }
  bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    const w = Math.max(0, x(b.value) - LABEL_W);
    // The label is cut to the room left of the bar (it would run past the SVG's left edge); the
    // row's <title> and the table beside the chart hold it whole.
    out.push(`<g class="row" data-label="${esc(b.label)}" data-value="${b.value}"><title>${esc(`${b.label}: ${b.text}`)}</title>`);
    out.push(`<text class="lbl" x="${LABEL_W - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${esc(fitText(b.label, LABEL_W - 12, 12))}</text>`);
    out.push(`<rect class="bar" x="${LABEL_W}" y="${y + 4}" width="${n(w)}" height="${ROW - 8}" rx="2"/>`);
    if (b.interval) {
      const [lo, hi] = [x(b.interval.low), x(b.interval.high)];
      const mid = y + ROW / 2;
      out.push(`<path class="ci" d="M${n(lo)} ${mid}H${n(hi)}M${n(lo)} ${mid - 5}V${mid + 5}M${n(hi)} ${mid - 5}V${mid + 5}"/>`);
    }
    if (b.marker !== undefined) out.push(`<rect class="pub" x="${n(x(b.marker) - 2)}" y="${y + 1}" width="4" height="${ROW - 2}" data-marker="${b.marker}"/>`);
    const end = Math.max(x(b.value), b.interval ? x(b.interval.high) : 0, b.marker !== undefined ? x(b.marker) + 2 : 0);
    out.push(`<text class="val" x="${n(end + 6)}" y="${y + ROW / 2 + 4}">${esc(b.text)}</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}

/** One month of the month chart. */
export interface MonthBar {
  month: string;
  share: number;
  messages: number;
}

/**
 * Share tracked per month as vertical bars, with the first day of Apple Mail Privacy Protection
 * marked: from then on, a pixel fetched by Apple's proxy no longer means the mail was read.
 */
export function monthChart(id: string, title: string, months: readonly MonthBar[], mpp: string, describedBy: string): string {
  const height = 230;
  const left = 40;
  const bottom = 40;
  const top = 22;
  const plotH = height - top - bottom;
  // A bar is at most 48 units wide: two months should not look like two walls.
  const step = months.length ? Math.min(60, (WIDTH - left - 10) / months.length) : 1;
  const y = (share: number): number => top + plotH * (1 - share);
  const out: string[] = [
    `<svg id="${esc(id)}" class="chart" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${esc(id)}-t" aria-describedby="${esc(describedBy)}" data-max="1">`,
    `<title id="${esc(id)}-t">${esc(title)}</title>`,
  ];
  for (const t of [0, 0.5, 1]) {
    out.push(`<line class="grid" x1="${left}" x2="${WIDTH - 10}" y1="${n(y(t))}" y2="${n(y(t))}"/>`, `<text class="axis" x="${left - 6}" y="${n(y(t) + 4)}" text-anchor="end">${pct(t)}</text>`);
  }
  // One label every `every` months so that labels never overlap (a label is ~50 units wide).
  const every = Math.max(1, Math.ceil(50 / step));
  months.forEach((m, i) => {
    const x0 = left + i * step;
    const w = Math.max(1, step * 0.8);
    // A month without mail is a gap on the axis (no bar), not a 0% month.
    if (m.messages)
      out.push(
        `<g class="row" data-label="${esc(m.month)}" data-value="${m.share}"><rect class="bar" x="${n(x0 + step * 0.1)}" y="${n(y(m.share))}" width="${n(w)}" height="${n(plotH * m.share)}"><title>${esc(`${m.month}: ${pct(m.share)} of ${m.messages}`)}</title></rect></g>`,
      );
    else out.push(`<g class="gap" data-label="${esc(m.month)}" data-messages="0"></g>`);
    if (i % every === 0) out.push(`<text class="axis" x="${n(x0 + step / 2)}" y="${height - bottom + 16}" text-anchor="middle">${esc(m.month)}</text>`);
  });
  const mppMonth = mpp.slice(0, 7);
  const at = months.findIndex((m) => m.month >= mppMonth);
  let x: number;
  let label = `Apple Mail Privacy Protection, ${mpp}`;
  if (!months.length || (at === 0 && months[0].month > mppMonth)) {
    // Every month is after it: the line stands at the left edge, saying so.
    x = left;
    label += ' (before these months)';
  } else if (at === -1) {
    x = left + months.length * step;
    label += ' (after these months)';
  } else {
    // Within its month by the day: 2021-09-20 is two-thirds of the way through September.
    x = left + at * step + (months[at].month === mppMonth ? (step * (Number(mpp.slice(8, 10)) - 1)) / 30 : 0);
  }
  out.push(`<line class="mpp" x1="${n(x)}" x2="${n(x)}" y1="${top - 6}" y2="${height - bottom}" data-mpp="${esc(mpp)}"/>`);
  const anchor = x > WIDTH / 2 ? 'end' : 'start';
  out.push(`<text class="mpp-text" x="${n(anchor === 'end' ? x - 4 : x + 4)}" y="${top - 8}" text-anchor="${anchor}">${esc(label)}</text>`);
  out.push('</svg>');
  return out.join('');
}

/** Up to five round ticks from 0 to at least `max`. */
function niceTicks(max: number): number[] {
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // Counts are whole: a step under 1 would repeat a tick once rounded.
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw);
  const ticks: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) ticks.push(Math.round(t));
  return ticks;
}
