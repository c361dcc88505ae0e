import { visible } from '../safe-text.js';

// Characters XML 1.0 cannot hold at all, even as a character reference (its Char production):
// lone surrogates and U+FFFE, U+FFFF. (The C0 controls are made visible before this.)
const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

/** Visible escapes for controls and bidi characters (as on a terminal), then for what XML 1.0 cannot hold. */
function xmlSafe(text: string): string {
  return visible(text).replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Element content: `&` and `<` escaped, and `>` so that `]]>` never appears. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value; tab, CR and LF as references, which attribute-value normalisation would turn into spaces. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
