import { createRequire } from 'node:module';
import type { Document, LineCounter, Node, Pair } from 'yaml';

/**
 * The YAML parser, loaded on first use (a YAML pack, a problem's place, a key given twice): a run
 * of a JSON pack without problems does not need it. From its CommonJS build, which is also what an
 * `import` of it gives in Node, so there is one copy.
 */
let yamlModule: typeof import('yaml') | undefined;
export const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** A place in a pack file, 1-based, as an editor shows it. */
export interface Position {
  line: number;
  column: number;
}

/** A key given twice in one object of a pack file: JSON.parse and YAML both keep only the last. */
export interface DuplicateKey {
  /** JSON pointer of the object that holds the key. */
  pointer: string;
  key: string;
  /** The key's first and second (or later) place. */
  first: Position | undefined;
  again: Position | undefined;
}

/** Where the parts of one pack file are: JSON pointers to lines and columns. */
export interface PackPositions {
  /**
   * Where the value at `pointer` is; with `key`, where that key of the object at `pointer` is.
   * A pointer this file does not hold (an option a rule takes from an extended pack) gets the place
   * of its nearest ancestor that it does hold; undefined only when the file could not be indexed.
   */
  locate(pointer: string, key?: string): Position | undefined;
  duplicates: DuplicateKey[];
}

const NOWHERE: PackPositions = { locate: () => undefined, duplicates: [] };

function segments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const escapeSegment = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function keyText(pair: Pair): string | undefined {
  return yaml().isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** A string (escapes included), or a character that opens, closes or separates; the rest is skipped. */
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\],]/g;

/**
 * Whether a JSON text that JSON.parse accepted gives one key twice in an object (keys compared as
 * JSON.parse reads them, escapes decoded). One pass of a regular expression (~1 ms for
 * vn-population.json): it only needs to tell strings that are keys (after `{`, or after `,` inside an
 * object) from the rest.
 */
export function hasDuplicateJsonKey(text: string): boolean {
  // One set of keys per open object, null per open array.
  const open: (Set<string> | null)[] = [];
  let keyNext = false;
  for (const [token] of text.matchAll(JSON_TOKEN)) {
    const c = token.charCodeAt(0);
    if (c === 0x22 /* " */) {
      const keys = open[open.length - 1];
      if (keyNext && keys) {
        const key = token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1);
        if (keys.has(key)) return true;
        keys.add(key);
      }
      keyNext = false;
    } else if (c === 0x7b /* { */) {
      open.push(new Set());
      keyNext = true;
    } else if (c === 0x5b /* [ */) {
      open.push(null);
      keyNext = false;
    } else if (c === 0x2c /* , */) {
      keyNext = Boolean(open[open.length - 1]);
    } else {
      // } or ]
      open.pop();
      keyNext = false;
    }
  }
  return false;
}

/**
 * A JSON pack's places. Parsing a pack with the YAML parser costs ~50 ms of every run's start-up and
 * its places are only needed to say where a problem is, so it runs only for a text with a key given
 * twice (whose places are a problem in themselves) or when a problem asks where it is.
 */
export function indexJsonPositions(text: string): PackPositions {
  if (hasDuplicateJsonKey(text)) return indexJsonWithYaml(text);
  let index: PackPositions | undefined;
  return { duplicates: [], locate: (pointer, key) => (index ??= indexJsonWithYaml(text)).locate(pointer, key) };
}

/**
 * A JSON pack's places, read with the YAML parser (JSON is YAML), which keeps every node's range.
 * The data itself is still JSON.parse's: only places come from here, so a corner of JSON the two
 * read differently cannot change what a pack says; a text the YAML parser refuses has no places.
 */
function indexJsonWithYaml(text: string): PackPositions {
  const { LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter: counter, uniqueKeys: false, logLevel: 'silent', schema: 'json' });
  } catch {
    return NOWHERE;
  }
  if (document.errors.length > 0) return NOWHERE;
  return positionsOf(document, counter);
}

/** The places of a parsed document, read with `counter`. */
export function positionsOf(document: Document, counter: LineCounter): PackPositions {
  const { isMap, isSeq } = yaml();
  const at = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
  const start = (node: unknown): Position | undefined => at((node as Node | null)?.range?.[0]);

  // The last pair of a key is the one whose value the data holds.
  const lastPair = (map: { items: Pair[] }, key: string): Pair | undefined => {
    for (let i = map.items.length - 1; i >= 0; i--) {
      const pair = map.items[i]!;
      if (keyText(pair) === key) return pair;
    }
    return undefined;
  };

  const locate = (pointer: string, key?: string): Position | undefined => {
    let node: unknown = document.contents;
    let place = start(node) ?? { line: 1, column: 1 };
    for (const segment of segments(pointer)) {
      let next: unknown;
      if (isMap(node)) next = lastPair(node, segment)?.value;
      else if (isSeq(node) && /^\d+$/.test(segment)) next = node.items[Number(segment)];
      const found = start(next);
      if (!found) return place;
      node = next;
      place = found;
    }
    if (key !== undefined && isMap(node)) return start(lastPair(node, key)?.key) ?? place;
    return place;
  };

  const duplicates: DuplicateKey[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (isMap(node)) {
      const seen = new Map<string, Pair>();
      for (const pair of node.items) {
        const key = keyText(pair);
        if (key === undefined) continue;
        const first = seen.get(key);
        if (first) duplicates.push({ pointer, key, first: start(first.key), again: start(pair.key) });
        else seen.set(key, pair);
        walk(pair.value, `${pointer}/${escapeSegment(key)}`);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, `${pointer}/${i}`));
    }
  };
  walk(document.contents, '');
  return { locate, duplicates };
}
