import path from 'node:path';
import { UsageError } from '../errors.js';

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} takes a positive number, not "${value}"`);
    return n;
  };
}

/** Output never overwrites an input: a report written over a mailbox would destroy it. */
export function refuseOutputOverInput(output: string | undefined, inputs: string[]): void {
  if (!output) return;
  const out = path.resolve(output);
  for (const input of inputs) {
    if (input !== '-' && path.resolve(input) === out) throw new UsageError(`the output file ${output} is also an input; choose another path`);
  }
}
