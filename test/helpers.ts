import type { MessageResult } from '../src/types.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { createDetector, type Detector } from '../src/engine/detector.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, 'fixtures');

let shared: Detector | undefined;
/** One detector for the whole test file: loading the tracker data is the slow part. */
export function detector(redact = false): Detector {
  if (!redact) return (shared ??= createDetector({ redact: false }));
  return createDetector({ redact: true });
}

export async function analyseFile(file: string, redact = false) {
  return analyseMessage(file, readFileSync(file), detector(redact));
}

/** A minimal RFC 5322 message around an HTML body, for tests that build their own cases. */
export function htmlMessage(html: string, headers: Record<string, string> = {}): Buffer {
  const all = {
    From: 'Sender <news@example.com>',
    To: 'Reader <reader@example.org>',
    Subject: 'Test',
    Date: 'Tue, 14 May 2024 09:12:33 +0000',
    'Message-ID': '<test@example.com>',
    'MIME-Version': '1.0',
    'Content-Type': 'text/html; charset=utf-8',
    ...headers,
  };
  const head = Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return Buffer.from(`${head}\r\n\r\n${html}\r\n`);
}

/** Lines of `scan -f jsonl`: the message results, and the closing skipped-files line when there is one. */
export function splitJsonl(stdout: string): { messages: MessageResult[]; skipped?: { skippedFiles: number; skipped: unknown[]; skippedReasons: Array<{ reason: string; files: number }> } } {
  const objects = stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l));
  const closing = objects.length && objects[objects.length - 1].pixelaudit === 'skipped-files' ? objects.pop() : undefined;
  return { messages: objects, ...(closing ? { skipped: closing } : {}) };
}
