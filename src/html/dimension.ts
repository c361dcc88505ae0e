/** A `width` or `height` attribute read by the HTML standard's rules for parsing dimension values (§2.3.4.6). */
export type Dimension = { value: number; unit: 'px' | '%' };

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

/**
 * `"1px"` and `"1abc"` are 1 (trailing junk ignored), `"50%"` is a percentage, `" 2.5"` is 2.5;
 * a sign, a leading `.` or no digit at all is a failure (undefined): the attribute then maps to
 * nothing and the element keeps its natural size.
 */
export function parseDimension(input: string): Dimension | undefined {
  let position = 0;
  while (isSpace(input.charCodeAt(position))) position++;
  if (!isDigit(input.charCodeAt(position))) return undefined;
  let value = 0;
  while (isDigit(input.charCodeAt(position))) value = value * 10 + (input.charCodeAt(position++) - 48);
  if (input.charCodeAt(position) === 0x2e /* . */) {
    position++;
    // `1.` followed by anything but a digit is the length 1 (`1.%` too).
    if (!isDigit(input.charCodeAt(position))) return { value, unit: 'px' };
    let divisor = 1;
    while (isDigit(input.charCodeAt(position))) {
      divisor *= 10;
      value += (input.charCodeAt(position++) - 48) / divisor;
    }
  }
  return { value, unit: input.charCodeAt(position) === 0x25 /* % */ ? '%' : 'px' };
}

/** The attribute's value in CSS pixels, or undefined when it is a percentage or fails to parse. */
export function dimensionPixels(input: string | undefined): number | undefined {
  if (input === undefined) return undefined;
  const d = parseDimension(input);
  return d?.unit === 'px' ? d.value : undefined;
}
