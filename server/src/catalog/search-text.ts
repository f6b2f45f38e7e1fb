/** Lower-case, accents removed: "Café" and "cafe" are the same word to search. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a name or query, folded; apostrophes join ("Müller's" → "mullers"). */
export function searchWords(text: string): string[] {
  return foldText(text)
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}
