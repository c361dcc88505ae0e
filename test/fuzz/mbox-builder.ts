import fc from 'fast-check';

/** Body lines that begin with `From ` but are no envelope (no sender and date), as people write them. */
export const bodyFromLine = fc.constantFrom('\nFrom the desk of the editor,\n', '\nFrom here on, read on.\n', '\n\nFrom Monday on\n', '\nFrom \n', '\nFrom: not a header\n');

/** The envelope line the builder writes: the found-cases test counts these to know how many messages an mbox holds. */
export const ENVELOPE = 'From fuzz@pixelaudit.invalid Mon Jun  3 12:50:27 2024';

/**
 * An mbox of these messages, mboxrd-quoted (every `>*From ` line gets one more `>`), each after
 * the builder's envelope line and a blank line. `loose` lines are put in unquoted, the way mail
 * from writers that do not quote turns up: a reader must not take them for separators.
 */
export function mbox(messages: Buffer[], loose: Array<{ member: number; at: number; line: string }> = []): Buffer {
  const out: string[] = [];
  messages.forEach((bytes, i) => {
    let text = bytes.toString('latin1').replace(/(^|[\r\n])(>*From )/g, '$1>$2');
    for (const l of loose.filter((x) => x.member === i)) {
      const at = text.indexOf('\n', Math.floor(l.at * text.length));
      // Only in the body: a loose line in the header block would be a header problem, not this one.
      const body = text.search(/\r?\n\r?\n/);
      if (at !== -1 && body !== -1 && at > body) text = `${text.slice(0, at)}${l.line}${text.slice(at)}`;
    }
    if (!text.endsWith('\n')) text += '\n';
    out.push(`${ENVELOPE}\n${text}\n`);
  });
  return Buffer.from(out.join(''), 'latin1');
}

/** Counts the builder's envelope lines: how many messages an mbox written by `mbox()` holds. */
export function envelopeCount(bytes: Buffer): number {
  return bytes
    .toString('latin1')
    .split('\n')
    .filter((l) => l.replace(/\r$/, '') === ENVELOPE).length;
}
