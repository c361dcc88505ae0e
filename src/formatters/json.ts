import { STUDIES } from '../stats/definitions.js';
import { VERSION } from '../version.js';
import type { FormatterFactory } from './formatter.js';

export const jsonFormatter: FormatterFactory = (ctx) => ({
  keepsResults: true,
  end: (summary, results) =>
    `${JSON.stringify({ tool: 'pixelaudit', version: VERSION, inputs: ctx.inputs, summary, published: STUDIES, messages: results }, null, 2)}\n`,
});
