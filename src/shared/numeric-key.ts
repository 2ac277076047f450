// A key of 1..15 ASCII digits is stored as a number, exactly (no string, no hash). Leading zeros are
// significant ('012' ≠ '12'), so a string of L digits maps to (10^L − 1) / 9 + value: lengths get
// disjoint ranges ('0'…'9' → 1…10, '00'…'99' → 11…110 …), a bijection that stays below 2^53 up to
// L = 15 (largest key 1,111,111,111,111,110). Longer digit strings take the hashed path. Used by
// `unique` and by reconcile's key index.

const MAX_NUMERIC_DIGITS = 15;
const DIGITS_OFFSET = Array.from({ length: MAX_NUMERIC_DIGITS + 1 }, (_, l) => (10 ** l - 1) / 9);

/** Numeric key of `text`, or -1 when it is not 1..15 ASCII digits. */
export function digitsKey(text: string): number {
  const length = text.length;
  if (length === 0 || length > MAX_NUMERIC_DIGITS) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return DIGITS_OFFSET[length]! + value;
}

/** digitsKey of the ASCII bytes bytes[start, end), read without making a string. */
export function digitsKeyOfBytes(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 0 || length > MAX_NUMERIC_DIGITS) return -1;
  let value = 0;
  for (let p = start; p < end; p++) {
    const d = bytes[p]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return DIGITS_OFFSET[length]! + value;
}

/** The digit string a numeric key stands for (the inverse of digitsKey). */
export function keyText(numeric: number): string {
  let length = 1;
  while (length < MAX_NUMERIC_DIGITS && DIGITS_OFFSET[length + 1]! <= numeric) length++;
  return String(numeric - DIGITS_OFFSET[length]!).padStart(length, '0');
}
