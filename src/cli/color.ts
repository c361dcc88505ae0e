import type { Io } from './io.js';

/** Colour only on a terminal, and never when NO_COLOR is set or --no-color was given. */
export function useColor(io: Io, flag: boolean | undefined, toFile: boolean): boolean {
  if (flag === false || toFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (flag === true) return true;
  return io.stdoutIsTTY;
}
