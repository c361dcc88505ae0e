import { visible } from '../formatters/safe-text.js';
import type { Io } from './io.js';

/** A one-line progress display on stderr (only used on a terminal): done/total, rate, ETA. */
export function progressLine(io: Io) {
  const started = Date.now();
  let last = 0;
  return {
    // An arrow, so callers can pass `progress.update` on as a callback.
    update: ({ mailbox, done, total }: { mailbox: string; done: number; total: number }): void => {
      const now = Date.now();
      if (now - last < 200 && done < total) return;
      last = now;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
      const clock = `${Math.floor(eta / 60)}:${String(eta % 60).padStart(2, '0')}`;
      void io.stderr.write(`\r${visible(mailbox)}: ${done}/${total} messages, ${rate.toFixed(0)} msg/s, ETA ${clock}   `);
    },
    done(): void {
      void io.stderr.write('\n');
    },
  };
}

/** Progress of a file scan on stderr (only on a terminal): messages, msg/s, MB/s and, when the input size is known, ETA. */
export function scanProgress(io: Io, total?: number) {
  const started = Date.now();
  let last = 0;
  return {
    update: (messages: number, bytes: number): void => {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      const seconds = Math.max(0.001, (now - started) / 1000);
      const rate = bytes / seconds;
      let eta = '';
      if (total && rate > 0) {
        const left = Math.max(0, Math.round((total - bytes) / rate));
        eta = `, ETA ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
      }
      void io.stderr.write(`\r${messages} messages, ${(messages / seconds).toFixed(0)} msg/s, ${(rate / 1048576).toFixed(1)} MB/s${eta}   `);
    },
    done(): void {
      if (last) void io.stderr.write('\n');
    },
  };
}
