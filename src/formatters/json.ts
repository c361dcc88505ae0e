import { PUBLISHED } from '../report/published.js';
import { VERSION } from '../version.js';
import type { FormatterFactory } from './formatter.js';

export const jsonFormatter: FormatterFactory = (ctx) => ({
  keepsResults: true,
  end: (summary, results) =>
    `${JSON.stringify({ tool: 'pixelaudit', version: VERSION, inputs: ctx.inputs, summary, published: PUBLISHED, messages: results }, null, 2)}\n`,
});
