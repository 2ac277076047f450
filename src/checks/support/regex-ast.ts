// A small reader of JavaScript regular-expression syntax, enough to see a pattern's structure
// (sequences, alternatives, groups, repetitions, single-character atoms) so that test values
// aimed at each repetition can be built (regex-attacks.ts). It is only ever given a pattern that
// `new RegExp` has already accepted, so it is lenient: whatever it does not understand it reads as
// one literal character, which at worst makes a test value less pointed, never a wrong verdict.

export type RegexNode =
  | { type: 'seq'; items: RegexNode[] }
  | { type: 'alt'; options: RegexNode[] }
  /** A lookaround matches no text of its own. */
  | { type: 'group'; body: RegexNode; lookaround: boolean }
  /** One character: a literal, an escape such as \d or \p{L}, a class [...] or the dot; `source` compiles alone. */
  | { type: 'char'; source: string }
  | { type: 'repeat'; body: RegexNode; min: number; max: number }
  /** ^ $ \b \B and back-references: no text of their own for our purpose. */
  | { type: 'empty' };

const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);

export function parseRegex(source: string, flags: string): RegexNode {
  const unicode = flags.includes('u');
  let pos = 0;

  const peek = (offset = 0): string | undefined => source[pos + offset];

  /** `{n}`, `{n,}` or `{n,m}` at the current position, or null (then `{` is a literal). */
  function braceQuantifier(): { min: number; max: number; length: number } | null {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos));
    if (!match) return null;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    return { min, max, length: match[0].length };
  }

  function alternation(): RegexNode {
    const options = [sequence()];
    while (peek() === '|') {
      pos++;
      options.push(sequence());
    }
    return options.length === 1 ? (options[0] as RegexNode) : { type: 'alt', options };
  }

  function sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (pos < source.length && peek() !== '|' && peek() !== ')') {
      let node = atom();
      let quantifier: { min: number; max: number } | null = null;
      const c = peek();
      if (c === '*') quantifier = { min: 0, max: Infinity };
      else if (c === '+') quantifier = { min: 1, max: Infinity };
      else if (c === '?') quantifier = { min: 0, max: 1 };
      if (quantifier) pos++;
      else if (c === '{') {
        const brace = braceQuantifier();
        if (brace) {
          quantifier = brace;
          pos += brace.length;
        }
      }
      if (quantifier) {
        if (peek() === '?') pos++; // lazy: same set of paths, another order
        node = { type: 'repeat', body: node, ...quantifier };
      }
      items.push(node);
    }
    return { type: 'seq', items };
  }

  function group(): RegexNode {
    pos++; // (
    let lookaround = false;
    if (peek() === '?') {
      if (peek(1) === ':') pos += 2;
      else if (peek(1) === '=' || peek(1) === '!') {
        lookaround = true;
        pos += 2;
      } else if (peek(1) === '<' && (peek(2) === '=' || peek(2) === '!')) {
        lookaround = true;
        pos += 3;
      } else if (peek(1) === '<') {
        const end = source.indexOf('>', pos);
        pos = end < 0 ? pos + 2 : end + 1; // named group
      }
    }
    const body = alternation();
    if (peek() === ')') pos++;
    return { type: 'group', body, lookaround };
  }

  function characterClass(): RegexNode {
    const start = pos;
    pos++; // [
    if (peek() === ']') pos++; // `[]` or `[]...]` are read by the engine; keep the bracket as content
    while (pos < source.length && peek() !== ']') pos += peek() === '\\' ? 2 : 1;
    pos++; // ]
    return { type: 'char', source: source.slice(start, pos) };
  }

  function escape(): RegexNode {
    const start = pos;
    const c = peek(1) ?? '';
    pos += 2;
    if (c === 'b' || c === 'B') return { type: 'empty' };
    if (/[1-9]/.test(c)) {
      while (/\d/.test(peek() ?? '')) pos++;
      return { type: 'empty' }; // back-reference
    }
    if (c === 'k' && peek() === '<') {
      const end = source.indexOf('>', pos);
      pos = end < 0 ? pos : end + 1;
      return { type: 'empty' };
    }
    if ((c === 'p' || c === 'P') && unicode && peek() === '{') {
      const end = source.indexOf('}', pos);
      pos = end < 0 ? pos : end + 1;
    } else if (c === 'x') pos += 2;
    else if (c === 'u') {
      if (unicode && peek() === '{') {
        const end = source.indexOf('}', pos);
        pos = end < 0 ? pos : end + 1;
      } else pos += 4;
    } else if (c === 'c') pos += 1;
    else if (!CLASS_ESCAPES.has(c) && c.length === 1) {
      // an identity escape of a surrogate pair keeps both halves
      const code = source.codePointAt(start + 1) ?? 0;
      if (code > 0xffff) pos++;
    }
    return { type: 'char', source: source.slice(start, Math.min(pos, source.length)) };
  }

  function atom(): RegexNode {
    const c = peek() as string;
    if (c === '(') return group();
    if (c === '[') return characterClass();
    if (c === '\\') return escape();
    if (c === '^' || c === '$') {
      pos++;
      return { type: 'empty' };
    }
    const code = source.codePointAt(pos) ?? 0;
    const length = code > 0xffff ? 2 : 1;
    const text = source.slice(pos, pos + length);
    pos += length;
    // A lone brace or bracket is a literal here but a syntax error alone under the u flag.
    return { type: 'char', source: /^[{}\]]$/.test(text) ? `\\${text}` : text };
  }

  // The pattern compiled, so no stray `)` can end this early.
  return alternation();
}
