import { describe, it } from 'vitest';
import { recipientMessage } from './arbitraries.js';
import { checkRedaction, checkUnredactedShows, scratchFile } from './contract.js';
import { checkProperty, TIMEOUT } from './harness.js';

// Promise: what identifies the reader is never shown unless --no-redact, and nothing from a
// message drives the terminal.
describe('fuzz: redaction', () => {
  it(
    'no output holds a recipient form (plain, percent-encoded, base64, hex, md5/sha1/sha256 hex) or a control character',
    async () => {
      await checkProperty(
        'redacted output never holds the recipient',
        [recipientMessage],
        async (c) => {
          const file = scratchFile('case.eml', c.bytes);
          if (c.shown) await checkUnredactedShows(file, c.address);
          await checkRedaction(file, c.address);
        },
        40,
      );
    },
    TIMEOUT,
  );
});
