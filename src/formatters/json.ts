import { STUDIES } from '../stats/definitions.js';
import { VERSION } from '../version.js';
import type { FormatterFactory } from './formatter.js';
import { safeJson } from './safe-text.js';

export const jsonFormatter: FormatterFactory = (ctx) => ({
  keepsResults: true,
  end: (summary, results) =>
    `${safeJson({ tool: 'pixelaudit', version: VERSION, inputs: ctx.inputs, summary, published: STUDIES, messages: results }, 2)}\n`,
});
