import { InputError } from '../errors.js';

/**
 * Apple Mail .emlx: "<byte count>\n", the RFC 822 message of exactly that many bytes,
 * then an XML property list with Mail's flags, which is not part of the message.
 */
export function messageFromEmlx(file: Buffer): Buffer {
  const newline = file.indexOf(0x0a);
  const count = Number.parseInt(file.subarray(0, newline).toString('latin1').trim(), 10);
  if (newline === -1 || !Number.isFinite(count) || count < 0) {
    throw new InputError('not an .emlx file: the first line is not a byte count');
  }
  const body = file.subarray(newline + 1);
  if (body.length < count) {
    throw new InputError(`truncated .emlx: the header promises ${count} bytes but only ${body.length} follow`);
  }
  return body.subarray(0, count);
}
