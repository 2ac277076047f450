const BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

/** Empty or only white space (including NBSP and zero-width characters): nothing was filled in. */
export function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  // Printable ASCII is never white space: most filled cells are decided by their first character
  // without running the regex.
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return BLANK.test(text);
}

/**
 * Non-empty and only the ASCII digits 0-9: the shape of a clean ID, tax code or phone cell. Such a
 * cell has nothing to trim, no separator, no full-width digit and no exponent, so the normalisers
 * of identifiers return it unchanged and can skip their regexes.
 */
export function isAsciiDigits(text: string): boolean {
  const length = text.length;
  if (length === 0) return false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** /^([0-9])\1*$/ without the regex: one ASCII digit, repeated (000000, 1111111). */
export function isOneRepeatedDigit(text: string): boolean {
  const first = text.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return false;
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) !== first) return false;
  return true;
}
