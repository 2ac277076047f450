// Folding for comparisons that must ignore case, diacritics and tone-mark placement:
// "Số định danh", "SO_DINH_DANH" and "so dinh danh" fold to the same key.
// Đ/đ is a separate letter, not a composed one, so NFD alone does not strip it.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SEPARATORS = /[\s_.-]+/g;

/** Lower case, no diacritics, đ→d, spaces collapsed to one and trimmed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** foldText without any spaces, underscores, dots or hyphens: for matching header names. */
export function foldKey(text: string): string {
  return foldText(text).replace(SEPARATORS, '');
}
