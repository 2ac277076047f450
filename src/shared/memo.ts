/**
 * Remembers a pure function of a string. Columns like province, ethnicity and sex hold a few
 * dozen distinct values, and names and addresses are made of a few thousand syllables, so most
 * calls are hits. The cache is emptied when full, which bounds memory on high-cardinality input.
 */
export function memoize<T>(fn: (text: string) => T, max = 100_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = fn(text);
      if (cache.size >= max) cache.clear();
      cache.set(text, value);
    }
    return value as T;
  };
}
