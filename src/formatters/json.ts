import { STUDIES } from '../stats/definitions.js';
import { RESULT_FORMAT } from '../types.js';
import { VERSION } from '../version.js';
import type { FormatterFactory } from './formatter.js';
import { safeJson } from './safe-text.js';

export const jsonFormatter: FormatterFactory = (ctx) => ({
  keepsResults: true,
  end: (summary, results) => `${safeJson({ tool: 'pixelaudit', version: VERSION, format: RESULT_FORMAT, inputs: ctx.inputs, summary, published: STUDIES, messages: results }, 2)}\n`,
});
