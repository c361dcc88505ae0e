/**
 * The report's colours, light and dark. Every pair that carries meaning is listed in
 * CONTRAST_PAIRS with the WCAG 2.1 AA minimum it must meet (4.5 for text, 3 for the marks of a
 * chart, 1.4.11), and test/html-report.test.ts computes each ratio.
 */
export interface Palette {
  /** Page background. */
  bg: string;
  /** Panels (figures, table heads). */
  panel: string;
  text: string;
  /** Secondary text: axis labels, notes. */
  muted: string;
  /** Bars of the charts. */
  bar: string;
  /** Interval whiskers. */
  ci: string;
  /** The published figure's mark. */
  published: string;
  /** Apple Mail Privacy Protection's line in the month chart. */
  mpp: string;
  /** Gridlines: decoration only, so not held to a ratio. */
  grid: string;
  /** Tracked-message badge text (on `panel`). */
  tracked: string;
  /** Keyboard focus ring. */
  focus: string;
}

export const PALETTES: { light: Palette; dark: Palette } = {
  light: {
    bg: '#ffffff',
    panel: '#f5f7fa',
    text: '#1b1f24',
    muted: '#555f6b',
    bar: '#5290d4',
    ci: '#1b1f24',
    published: '#6a0e05',
    mpp: '#8a4b00',
    grid: '#d5dbe2',
    tracked: '#a3241a',
    focus: '#1f5fbf',
  },
  dark: {
    bg: '#0f141a',
    panel: '#171e27',
    text: '#e6edf3',
    muted: '#a2acb8',
    bar: '#3372ba',
    ci: '#e6edf3',
    published: '#ffbcb2',
    mpp: '#e5b64a',
    grid: '#2e3843',
    tracked: '#ff8f85',
    focus: '#7ab8ff',
  },
};

type Key = keyof Palette;

/** [foreground, background, minimum ratio, what the pair is]. */
export const CONTRAST_PAIRS: Array<[Key, Key, number, string]> = [
  ['text', 'bg', 4.5, 'body text'],
  ['text', 'panel', 4.5, 'text in figures and table heads'],
  ['muted', 'bg', 4.5, 'notes and axis labels'],
  ['muted', 'panel', 4.5, 'axis labels in figures'],
  ['tracked', 'panel', 4.5, 'the tracked badge'],
  ['tracked', 'bg', 4.5, 'the tracked badge in a table'],
  ['bar', 'panel', 3, 'chart bars'],
  ['ci', 'panel', 3, 'interval whiskers'],
  ['published', 'panel', 3, 'published-figure marks'],
  // The whisker and the published mark are drawn across the bar as well as beside it (1.4.11
  // counts against what a mark is drawn on): a bar mid-light between the page and the marks is
  // the only way one colour of each meets 3:1 against both. Was 1.21 (light) and 1.09 (dark) for
  // the mark over the bar, 2.18 for the whisker over the bar in dark.
  ['published', 'bar', 3, 'published-figure marks over a bar'],
  ['ci', 'bar', 3, 'interval whiskers over a bar'],
  ['mpp', 'panel', 3, 'the MPP line'],
  ['mpp', 'panel', 4.5, 'the MPP label'],
  ['focus', 'bg', 3, 'focus ring'],
];
