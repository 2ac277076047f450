import { parseRegex, type RegexNode } from './regex-ast.js';

// Test values aimed at the repetitions of a pattern, the way catastrophic backtracking is
// triggered: text that reaches a repetition (a prefix the pattern accepts), then many copies of
// what the repeated part matches, then a character that makes the whole match fail, so the
// engine tries every other way of splitting the copies. A pattern whose repeated parts can split
// the same text in many ways — (a+)+, (a|aa)+, (\w+\s?)+, \d+\d+x — takes exponential or high
// polynomial time on such a value; any other pattern rejects it at once.

/** Characters tried as members of an atom, after the characters of the atom's own source. */
const POOL = ['a', 'A', 'z', '0', '1', '9', ' ', '\t', '-', '.', '_', '@', ',', '/', ':', '+', '#', 'x', 'ạ', 'Đ', 'ế', '!', '\u0000', '\n'];
/** What ends a test value: characters few patterns accept there. */
const TAILS = ['\u0000', '\n', '!'];
/** Variants kept per node: enough to reach a repetition and to pump it in a few ways. */
const VARIANTS = 3;
const PUMPS = 4;
const MAX_ATTACKS = 400;

class Sampler {
  private readonly members = new Map<string, string[]>();

  constructor(private readonly flags: string) {}

  /** A few characters one atom matches (none for an atom that matches nothing, like [^\s\S]). */
  charsOf(source: string): string[] {
    let found = this.members.get(source);
    if (found) return found;
    found = [];
    try {
      const alone = new RegExp(`^(?:${source})$`, this.flags);
      // Common characters first (readable test values), then the atom's own (its literal).
      for (const candidate of new Set([...POOL, ...source.replace(/\\/g, '')])) {
        if (alone.test(candidate)) found.push(candidate);
        if (found.length >= PUMPS) break;
      }
    } catch {
      found = ['a']; // an atom our reader cut wrongly: any character will do for a test value
    }
    this.members.set(source, found);
    return found;
  }

  /** Up to `max` different texts the node matches, the shortest kinds first. */
  samples(node: RegexNode, max: number = VARIANTS): string[] {
    switch (node.type) {
      case 'empty':
        return [''];
      case 'char':
        return this.charsOf(node.source).slice(0, max);
      case 'group':
        return node.lookaround ? [''] : this.samples(node.body, max);
      case 'alt':
        return [...new Set(node.options.flatMap((option) => this.samples(option, max)))].slice(0, max);
      case 'repeat': {
        const body = this.samples(node.body, max);
        const repeated = body.map((text) => text.repeat(Math.max(node.min, 1)));
        return node.min === 0 ? ['', ...repeated].slice(0, max) : repeated;
      }
      case 'seq':
        return node.items.reduce<string[]>((texts, item) => cross(texts, this.samples(item, max), max), ['']);
    }
  }
}

function cross(left: string[], right: string[], max: number): string[] {
  const out: string[] = [];
  for (const a of left) for (const b of right) if (out.length < max) out.push(a + b);
  return out;
}

/** `prefix`, then `pump` repeated, then `tail`: `length` characters in all. */
function attack(prefix: string, pump: string, tail: string, length: number): string {
  const room = Math.max(length - prefix.length - tail.length, pump.length);
  return prefix + pump.repeat(Math.ceil(room / pump.length)).slice(0, room) + tail;
}

/** Test values of `length` characters aimed at every repetition of the pattern, plus plain runs of common characters. */
export function attackStrings(pattern: string, flags: string, length: number): string[] {
  const sampler = new Sampler(flags);
  const attacks = new Set<string>();
  const add = (text: string) => {
    if (attacks.size < MAX_ATTACKS) attacks.add(text);
  };

  // Walks the pattern carrying the texts that lead up to each node.
  function walk(node: RegexNode, prefixes: string[]): void {
    switch (node.type) {
      case 'seq': {
        let leading = prefixes;
        for (const item of node.items) {
          walk(item, leading);
          leading = cross(leading, sampler.samples(item), VARIANTS);
          if (leading.length === 0) return; // an item that matches nothing: the rest is unreachable
        }
        return;
      }
      case 'alt':
        for (const option of node.options) walk(option, prefixes);
        return;
      case 'group':
        if (!node.lookaround) walk(node.body, prefixes);
        return;
      case 'repeat': {
        if (node.max >= 2) {
          const pumps = sampler.samples(node.body, PUMPS).filter((text) => text.length > 0);
          if (pumps.length >= 2) pumps.push((pumps[0] as string) + (pumps[1] as string));
          for (const prefix of prefixes) for (const pump of pumps) for (const tail of TAILS) add(attack(prefix, pump, tail, length));
        }
        walk(node.body, prefixes);
        return;
      }
      default:
        return;
    }
  }

  let tree: RegexNode;
  try {
    tree = parseRegex(pattern, flags);
  } catch {
    tree = { type: 'empty' };
  }
  walk(tree, ['']);
  // Whatever the reader made of the pattern, long runs of common characters are tried too.
  for (const char of POOL.slice(0, 12)) add(attack('', char, '\u0000', length));
  return [...attacks];
}
