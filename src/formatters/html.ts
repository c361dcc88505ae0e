import type { FormatterFactory } from './formatter.js';
import { MessageSampler } from './html/message-sample.js';
import { renderPage } from './html/render-page.js';

/**
 * `--format html`: one self-contained page (src/formatters/html/). Results are not kept: each is
 * offered to a bounded sampler as it is done, so a scan of any size holds at most the listed
 * messages in memory; the page itself is a pure function of the summary and that sample.
 */
export const htmlFormatter: FormatterFactory = (ctx) => {
  const sampler = new MessageSampler();
  return {
    keepsResults: false,
    message: (result) => {
      sampler.add(result);
      return '';
    },
    end: (summary) => renderPage({ summary, sample: sampler.build(), inputs: ctx.inputs, top: ctx.top }),
  };
};
