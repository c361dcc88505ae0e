import { UsageError } from '../errors.js';

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A positive number where a fraction means something (seconds, megabytes). */
export function positiveNumber(name: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${name} takes a positive number, not "${value}"`);
    if (n > max) throw new UsageError(`${name} takes a number up to ${max}, not "${value}"`);
    return n;
  };
}

/**
 * A whole number from 1 to `max`, for counts (rows, workers, messages) and ports: `-j 2.5`
 * started 3 workers, `1e3` and `0x10` read as numbers, so only plain decimal digits are taken.
 */
export function positiveInteger(name: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? 'a whole number of 1 or more' : `a whole number from 1 to ${max}`;
      throw new UsageError(`${name} takes ${range}, not "${value}"`);
    }
    return n;
  };
}
