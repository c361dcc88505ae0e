import { describe, it } from 'vitest';
import { anyMessage, mboxWithOneBad } from './arbitraries.js';
import { GOOD_FILES } from './corpus.js';
import { checkMbox, checkScan, scratchFile } from './contract.js';
import { checkProperty, TIMEOUT } from './harness.js';

// Promises through the in-process CLI: exit 0, 1 or 2 only; totals add up; one line of JSONL per
// message found; one bad message inside a good mbox is counted and does not make exit 2.
describe('fuzz: pixelaudit scan, in-process', () => {
  it(
    'any file next to a good message: exit 0/1/2, totals add up, JSONL lines = messages found, input unchanged',
    async () => {
      const good = GOOD_FILES[0];
      await checkProperty(
        'scan any file',
        [anyMessage],
        async (c) => {
          await checkScan([scratchFile('case.eml', c.bytes), good]);
        },
        60,
      );
    },
    TIMEOUT,
  );

  it(
    'an mbox with one bad message among good ones: every message found, the good ones scanned, no exit 2',
    async () => {
      await checkProperty(
        'scan mbox with one bad message',
        [mboxWithOneBad],
        async (c) => {
          await checkMbox(scratchFile('case.mbox', c.bytes), c.messages, c.bad);
        },
        60,
      );
    },
    TIMEOUT,
  );

  it(
    'the same with --jobs 2 and --fail-on tracked (worker threads: exit 1, never 2)',
    async () => {
      await checkProperty(
        'scan mbox with one bad message, 2 workers',
        [mboxWithOneBad],
        async (c) => {
          await checkMbox(scratchFile('case.mbox', c.bytes), c.messages, c.bad, ['--jobs', '2', '--fail-on', 'tracked']);
        },
        4,
      );
    },
    TIMEOUT,
  );
});
