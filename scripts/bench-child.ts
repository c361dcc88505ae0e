// One measured step of npm run bench, in its own process so that its peak RSS is its own.
// Prints one JSON line: {messages, bytes, seconds, cpuSeconds, maxRssMb}.
// The scan step runs what users run: the bundle with its code cache (loadBundle, as
// bin/pixelaudit.js does), in a Node started with the launcher's flags (LAUNCH_FLAGS, passed by
// bench.ts and bench-rows.ts); the other steps are baselines in a plain Node.
import { createReadStream } from 'node:fs';
import { simpleParser } from 'mailparser';
import { loadBundle } from '../src/bundle-loader/load-bundle.js';
import { tuneHeapForStreaming } from '../src/cli/heap.js';
import { delayTierUp } from '../src/cli/tier-up.js';
import type { run as Run } from '../src/cli/run.js';
import { parseMessage } from '../src/mail/parse-message.js';
import { splitMbox } from '../src/input/mbox-splitter.js';

const [mode, file, jobs, shard] = process.argv.slice(2);
// As bin/pixelaudit.js does, so that the scan steps measure what users run.
tuneHeapForStreaming();
delayTierUp();
const started = process.hrtime.bigint();
let messages = 0;
let bytes = 0;
const PARSER_OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true, keepCidLinks: true };

if (mode === 'read') {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) bytes += (chunk as Buffer).length;
} else if (mode === 'split') {
  for await (const m of splitMbox(createReadStream(file, { highWaterMark: 1 << 20 }))) {
    messages++;
    bytes += m.size;
  }
} else if (mode === 'parse') {
  for await (const m of splitMbox(createReadStream(file, { highWaterMark: 1 << 20 }))) {
    messages++;
    bytes += m.size;
    await simpleParser(m.bytes as Buffer, PARSER_OPTIONS).catch(() => undefined);
  }
} else if (mode === 'parse-own') {
  // pixelaudit's own MIME stage (fast path, mailparser for the rest), without detection.
  for await (const m of splitMbox(createReadStream(file, { highWaterMark: 1 << 20 }))) {
    messages++;
    bytes += m.size;
    await parseMessage(m.bytes as Buffer).catch(() => undefined);
  }
} else if (mode === 'scan') {
  // Results are counted as they stream out (one JSON line per message), as a real run writes them.
  const sink = {
    write: (s: string) => {
      if (!s) return; // the formatter's empty closing write is no message
      messages++;
      bytes += Buffer.byteLength(s);
    },
  };
  const { run } = loadBundle('main.cjs') as { run: typeof Run };
  const r = await run(['scan', file, '-f', 'jsonl', '-q', ...(jobs === 'default' ? [] : ['--jobs', jobs]), ...(shard ? ['--shard', shard] : [])], { stdout: sink, stderr: { write: () => undefined }, env: {} });
  if (r.exitCode !== 0) throw new Error(`scan exited ${r.exitCode}`);
  bytes = (await import('node:fs')).statSync(file).size;
} else {
  throw new Error(`unknown mode ${mode}`);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
// CPU of every thread of the process (V8's compiler and GC helpers included), user and system.
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
console.log(JSON.stringify({ messages, bytes, seconds, cpuSeconds, maxRssMb: usage.maxRSS / 1024 }));
