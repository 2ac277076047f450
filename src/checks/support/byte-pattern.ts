/**
 * A byte matcher for the simple anchored patterns identifiers are checked with — `^[0-9]{12}$`,
 * `^\d{9}(\d{3})?$` is not one, `^[A-Z]{2}[0-9]{13}$` is — so that a cell that matches is passed on
 * its UTF-8 bytes, without a string or a regular expression. Only what it can decide exactly is
 * compiled: a `^…$` sequence of ASCII atoms (a character, `\d`, or a `[…]` class of ASCII
 * characters and ranges), each with an optional `{n}`, `{m,n}`, `{m,}`, `?`, `*` or `+`, where an
 * atom of variable count is never followed by one its characters could also match (so taking as
 * many as possible is the only way to match). Anything else returns null: the check then runs the
 * regular expression, as always. A cell with a byte above 0x7F never passes here.
 */

interface Atom {
  accepts: Uint8Array;
  min: number;
  max: number;
}

const MAX_COUNT = 1 << 20;

function classOf(source: string, at: number, ignoreCase: boolean): { accepts: Uint8Array; next: number } | null {
  const accepts = new Uint8Array(128);
  const add = (code: number) => {
    if (code >= 128) return false;
    accepts[code] = 1;
    if (ignoreCase && /[a-z]/i.test(String.fromCharCode(code))) {
      accepts[String.fromCharCode(code).toLowerCase().charCodeAt(0)] = 1;
      accepts[String.fromCharCode(code).toUpperCase().charCodeAt(0)] = 1;
    }
    return true;
  };
  const char = source[at];
  if (char === '\\') {
    if (source[at + 1] !== 'd') return null;
    for (let c = 48; c <= 57; c++) add(c);
    return { accepts, next: at + 2 };
  }
  if (char === '[') {
    let i = at + 1;
    if (source[i] === '^' || source[i] === ']') return null;
    while (i < source.length && source[i] !== ']') {
      if (source[i] === '\\') {
        if (source[i + 1] !== 'd') return null;
        for (let c = 48; c <= 57; c++) add(c);
        i += 2;
        continue;
      }
      const from = source.charCodeAt(i);
      if (source[i + 1] === '-' && source[i + 2] !== undefined && source[i + 2] !== ']') {
        const to = source.charCodeAt(i + 2);
        if (to < from || to >= 128) return null;
        for (let c = from; c <= to; c++) add(c);
        i += 3;
      } else {
        if (!add(from)) return null;
        i++;
      }
    }
    return i < source.length ? { accepts, next: i + 1 } : null;
  }
  if (char === undefined || !/[A-Za-z0-9_\-/:.,@ ]/.test(char) || char === '.') return null;
  add(char.charCodeAt(0));
  return { accepts, next: at + 1 };
}

function countOf(source: string, at: number): { min: number; max: number; next: number } | null {
  const char = source[at];
  if (char === '?') return { min: 0, max: 1, next: at + 1 };
  if (char === '*') return { min: 0, max: MAX_COUNT, next: at + 1 };
  if (char === '+') return { min: 1, max: MAX_COUNT, next: at + 1 };
  if (char !== '{') return { min: 1, max: 1, next: at };
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
  if (!match) return null;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] === '' ? MAX_COUNT : Number(match[3]);
  if (max < min) return null;
  return { min, max, next: at + match[0].length };
}

export function compileBytePattern(pattern: string, flags: string): ((bytes: Uint8Array, start: number, end: number) => boolean) | null {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return null;
  const ignoreCase = flags.includes('i');
  const body = pattern.slice(1, -1);
  const atoms: Atom[] = [];
  for (let at = 0; at < body.length; ) {
    const cls = classOf(body, at, ignoreCase);
    if (!cls) return null;
    const count = countOf(body, cls.next);
    if (!count) return null;
    atoms.push({ accepts: cls.accepts, min: count.min, max: count.max });
    at = count.next;
  }
  // Greedy is exact only when a variable atom cannot give away characters to the next one.
  for (let k = 0; k + 1 < atoms.length; k++) {
    const { accepts, min, max } = atoms[k]!;
    if (min === max) continue;
    const next = atoms[k + 1]!.accepts;
    for (let c = 0; c < 128; c++) if (accepts[c] && next[c]) return null;
  }
  return (bytes, start, end) => {
    let p = start;
    for (const { accepts, min, max } of atoms) {
      let n = 0;
      while (n < max && p < end && bytes[p]! < 128 && accepts[bytes[p]!]) {
        p++;
        n++;
      }
      if (n < min) return false;
    }
    return p === end;
  };
}
