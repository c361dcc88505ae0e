import { describe, it } from 'vitest';
import { createDetector } from '../../src/engine/detector.js';
import { anyMessage, hostileMessage, mutatedRealMessage, randomBytes, readableMessage } from './arbitraries.js';
import { checkAnalyse, checkReadable } from './contract.js';
import { checkProperty, TIMEOUT } from './harness.js';

// Promises: no throw escapes analyseMessage, every message ends in one bucket, bounded time.
describe('fuzz: analyseMessage on hostile input', () => {
  const redacting = createDetector({ redact: true });
  const plain = createDetector({ redact: false });

  it(
    'mutated real messages: never throws, one bucket, within the time budget',
    async () => {
      await checkProperty(
        'analyse mutated real mail',
        [mutatedRealMessage],
        async (c) => {
          await checkAnalyse(c.bytes, redacting);
        },
        150,
      );
    },
    TIMEOUT,
  );

  it(
    'hostile HTML, CSS and URLs in every MIME shape: never throws, one bucket, within the time budget',
    async () => {
      await checkProperty(
        'analyse hostile mail',
        [hostileMessage],
        async (c) => {
          await checkAnalyse(c.bytes, redacting);
        },
        150,
      );
    },
    TIMEOUT,
  );

  it(
    'random bytes: never throws, one bucket',
    async () => {
      await checkProperty(
        'analyse random bytes',
        [randomBytes],
        async (c) => {
          await checkAnalyse(c.bytes, plain);
        },
        100,
      );
    },
    TIMEOUT,
  );

  it(
    'any message, redaction off: never throws',
    async () => {
      await checkProperty(
        'analyse without redaction',
        [anyMessage],
        async (c) => {
          await checkAnalyse(c.bytes, plain);
        },
        100,
      );
    },
    TIMEOUT,
  );

  it(
    'mail that clients display (forwarded N deep, base64 with junk or a footer, unclosed, BOM, LF) is read and its pixel seen, or a warning says why',
    async () => {
      await checkProperty('read what a client displays', [readableMessage], async (c) => checkReadable(c.bytes, plain), 60);
    },
    TIMEOUT,
  );
});
