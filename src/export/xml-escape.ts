/** Everything outside XML 1.0's Char production (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // A parser turns a raw CR (or CRLF) into LF; the reference keeps it.
  '\r': '&#13;',
};

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns raw whitespace in an attribute value into spaces; references survive.
  '\t': '&#9;',
  '\n': '&#10;',
};

/**
 * Text content: characters XML cannot carry at all are dropped, markup characters escaped. Quotes
 * stay as they are (they need escaping only in attributes), which keeps JSON evidence readable.
 */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** A double-quoted attribute value, whitespace included. */
export function xmlAttribute(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}
