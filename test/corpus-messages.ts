import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { splitMbox } from '../src/input/mbox-splitter.js';

/** Every file under dir, in sorted order. */
export function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Every message of the shared corpora (mbox files split), named by file and index. */
export async function corpusMessages(root: string): Promise<Array<[string, Buffer]>> {
  const out: Array<[string, Buffer]> = [];
  for (const file of walk(root)) {
    if (file.includes(`${path.sep}labels${path.sep}`) || /README|\.jsonl$|\.md$/i.test(file)) continue;
    const bytes = readFileSync(file);
    if (/\.mbox|mbox\.txt$/i.test(file)) {
      async function* once() {
        yield bytes;
      }
      for await (const m of splitMbox(once())) if (m.bytes) out.push([`${file}#${m.index}`, m.bytes]);
    } else {
      out.push([file, bytes.subarray(0, 5).toString() === 'From ' ? bytes.subarray(bytes.indexOf(0x0a) + 1) : bytes]);
    }
  }
  return out;
}
