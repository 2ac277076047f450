/** Empty or only white space (including NBSP and zero-width characters): nothing was filled in. */
export function isBlank(text: string): boolean {
  return text.length === 0 || /^[\s\u200b-\u200d\u2060\ufeff]*$/.test(text);
}
