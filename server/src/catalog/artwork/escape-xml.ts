const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Whether XML 1.0 allows a code point at all: tab, line feed, carriage
 * return, U+0020 to U+D7FF, U+E000 to U+FFFD and the supplementary planes.
 * Anything else (other C0 controls, unpaired surrogates, U+FFFE, U+FFFF)
 * cannot be escaped, only dropped.
 */
function allowedInXml(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Makes any string safe to place in XML text content or in a quoted attribute value. */
export function escapeXml(value: string): string {
  let out = '';
  // Iterating a string yields whole code points; a lone surrogate comes through on its own.
  for (const ch of String(value)) {
    const code = ch.codePointAt(0) ?? 0;
    if (!allowedInXml(code)) continue;
    out += ENTITIES[ch] ?? ch;
  }
  return out;
}
