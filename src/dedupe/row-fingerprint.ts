import { Hash32 } from './hash.js';

// A whole row's fingerprints, as `unique` classes a repeated key's rows (the same row again, or the
// same once spaces, case and Unicode form are set aside): the raw and the normalised hash of its
// cells in order. One function for the rule and for a worker thread that makes them beforehand
// (engine/value-judge.ts), so both make the same numbers.

const raw = new Hash32();
const normalized = new Hash32();

/**
 * The fingerprints of a row of `width` cells into out[at] (raw) and out[at + 1] (normalised). With
 * `rowNumber`, a cell that is that whole number reads as empty: a row's own number (STT) does not
 * make two rows differ.
 */
export function rowFingerprints(width: number, cell: (i: number) => string, rowNumber: number | null, out: Uint32Array, at: number): void {
  raw.reset();
  normalized.reset();
  for (let i = 0; i < width; i++) {
    const text = cell(i);
    Hash32.textAndNormalized(raw, normalized, rowNumber !== null && isWholeNumber(text, rowNumber) ? '' : text);
  }
  out[at] = raw.value;
  out[at + 1] = normalized.value;
}

/** Whether `text` is exactly the decimal digits of `n` (no sign, no leading zero). */
function isWholeNumber(text: string, n: number): boolean {
  const length = text.length;
  // Most cells fail on their first unit or their length (an ID, a name, a date).
  if (length === 0 || length > 10 || (length > 1 && text.charCodeAt(0) === 48)) return false;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    value = value * 10 + digit;
  }
  return value === n;
}
