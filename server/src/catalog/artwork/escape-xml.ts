const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Characters XML 1.0 does not allow at all (C0 controls other than tab, line
 * feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF). They cannot
 * be escaped, so they are dropped.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Makes any string safe to place in XML text content or in a quoted attribute value. */
export function escapeXml(value: string): string {
  return String(value)
    .replace(FORBIDDEN, '')
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
