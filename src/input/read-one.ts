import { InputError } from '../errors.js';
import { readInputs } from './read-inputs.js';

/** One message named as `file` or `file#N` (N-th message of an mbox, from 1). */
export async function readOneMessage(spec: string, maxMessageBytes: number): Promise<{ source: string; bytes: Buffer; total?: number }> {
  const m = /^(.*)#(\d+)$/.exec(spec);
  const file = m ? m[1] : spec;
  const wanted = m ? Number(m[2]) : 1;
  let n = 0;
  for await (const item of readInputs([file], { maxMessageBytes })) {
    if (item.type === 'skipped') continue;
    n++;
    if (n !== wanted) continue;
    if (item.type === 'failed') throw new InputError(`${item.source}: ${item.error}`);
    return { source: item.source, bytes: item.bytes };
  }
  if (n === 0) throw new InputError(`${file}: no message found`);
  throw new InputError(`${file} holds ${n} message${n === 1 ? '' : 's'}; there is no message #${wanted}`);
}
