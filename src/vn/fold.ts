// Folding for comparisons that must ignore case, diacritics and tone-mark placement:
// "Số định danh", "SO_DINH_DANH" and "so dinh danh" fold to the same key.
// Đ/đ is a separate letter, not a composed one, so NFD alone does not strip it.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SEPARATORS = /[\s_.-]+/g;

/** Lower case, no diacritics, đ→d, spaces collapsed to one and trimmed. */
export function foldText(text: string): string {
  // Printable ASCII with single inner spaces, as most cells are: NFD, the mark and đ removals and
  // the space handling change nothing, and lower case is ASCII lower case.
  let upper = false;
  let previous = 0x20; // a leading space takes the slow path
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || (c === 0x20 && previous === 0x20)) return foldTextSlow(text);
    if (c >= 0x41 && c <= 0x5a) upper = true;
    previous = c;
  }
  if (previous === 0x20 && text.length > 0) return foldTextSlow(text);
  return upper ? text.toLowerCase() : text;
}

function foldTextSlow(text: string): string {
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
