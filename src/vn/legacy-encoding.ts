import { RangeMemo } from '../shared/range-memo.js';
// Vietnamese text that went through a legacy encoding or a wrong code page, and how to decode it.
// Source: ../shared/domain/vn-reference.md §4.1 and §4.5. The TCVN3 (ABC) byte table is §4.5's
// (after `backupvietsoft/HRM:ConvertVNI/XtraForm1.cs`); the VNI rules are §4.5's (after
// `duydev/vietnamese-conversion:src/charsets.ts`); VIQR is RFC 1456.
//
// Every legacy cell reaches us as Unicode text: its bytes were read as CP1252 (or Latin-1, which
// agrees with CP1252 on 0xA0–0xFF) somewhere upstream. Each decoder here takes that text back to
// bytes or byte-shaped characters and reads them the right way. Whether a decoding is right is
// judged by `assessVietnamese`: real Vietnamese is made of well-formed syllables, mojibake is not.

const TONES = {
  grave: '\u0300', // huyền
  acute: '\u0301', // sắc
  hook: '\u0309', // hỏi
  tilde: '\u0303', // ngã
  dot: '\u0323', // nặng
} as const;

const compose = (base: string, mark: string): string => (base + mark).normalize('NFC');

// ---------------------------------------------------------------------------------------------
// Syllable model: what a well-formed Vietnamese word looks like.

// Rhymes (vần) without tone, after the onset; the -k rhymes are of place names from minority
// languages (Đắk Lắk, Đắk Nông). Lenient on purpose (loanwords: xoong, oóc): a
// syllable that is wrongly accepted only costs a missed finding, a wrongly refused one costs a
// false alarm on correct text.
const RHYMES = new Set(
  `a ai ao au ay am an ang anh ap at ac ach
   ăm ăn ăng ăp ăt ăc
   âm ân âng âp ât âc âu ây
   e eo em en eng ep et ec
   ê êu êm ên ênh êp êt êch
   i ia iu im in inh ip it ich iêu iêm iên iêng iêp iêt iêc
   y yêu yêm yên yêng yêt
   o oi om on ong op ot oc oong ooc
   ô ôi ôm ôn ông ôp ôt ôc
   ơ ơi ơm ơn ơp ơt
   u ua ui uy um un ung up ut uc uôi uôm uôn uông uôt uôc uơ
   ư ưa ưi ưu ưm ưn ưng ưt ưc ươi ươu ươm ươn ương ươp ươt ươc
   oa oai oay oao oam oan oang oanh oap oat oac oach oăm oăn oăng oăt oăc
   oe oeo oen oet
   uân uâng uât uây uê uênh uêch
   uya uyu uyn uynh uyt uych uyp uyên uyêt
   ak ăk âk ek êk ik ok ôk ơk uk ưk`.split(/\s+/),
);

// Onsets are any short consonant cluster: minority names have Kp, Ml, Hr, Bl … (H'Mông, Ksor).
const SYLLABLE = /^([bcdđfghjklmnpqrstvwxz]{0,3})([aăâeêioôơuưy][a-zăâêôơưđ]*)$/;
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/g;
// A tone mark must sit on a vowel (possibly after its circumflex, breve or horn).
const TONE_CHARS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const TONE_CARRIERS = new Set(['a', 'e', 'i', 'o', 'u', 'y', '\u0302', '\u0306', '\u031b']);

function hasMisplacedTone(nfd: string): boolean {
  for (let i = 0; i < nfd.length; i++) {
    if (TONE_CHARS.has(nfd[i] as string) && (i === 0 || !TONE_CARRIERS.has(nfd[i - 1] as string))) return true;
  }
  return false;
}

// Names and addresses repeat the same few thousand syllables: remember the verdicts.
const syllableCache = new Map<string, boolean>();
const SYLLABLE_CACHE_LIMIT = 50_000;

/** A single Vietnamese syllable, in lower, UPPER or Title case, with at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  let verdict = syllableCache.get(word);
  if (verdict === undefined) {
    if (syllableCache.size >= SYLLABLE_CACHE_LIMIT) syllableCache.clear();
    verdict = judgeSyllable(word);
    syllableCache.set(word, verdict);
  }
  return verdict;
}

function judgeSyllable(word: string): boolean {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (word !== lower && word !== upper && word !== upper.slice(0, 1) + lower.slice(1)) {
    // Title case of a word starting with a two-char upper-case form does not exist in Vietnamese.
    return false;
  }
  const nfd = lower.normalize('NFD');
  const tones = nfd.match(TONE_MARK);
  if (tones && tones.length > 1) return false;
  if (hasMisplacedTone(nfd)) return false;
  const bare = nfd.replace(TONE_MARK, '').normalize('NFC');
  const match = SYLLABLE.exec(bare);
  if (!match) return false;
  const onset = match[1] ?? '';
  const rhyme = match[2] ?? '';
  if (RHYMES.has(rhyme)) return true;
  // gi + rhyme: giữ, giường (the i belongs to the onset); qu + rhyme: Quảng, quyết (so does the u).
  if (onset.endsWith('g') && rhyme.startsWith('i') && RHYMES.has(rhyme.slice(1))) return true;
  return onset.endsWith('q') && rhyme.startsWith('u') && RHYMES.has(rhyme.slice(1));
}

const WORD = /[\p{L}\p{M}]+/gu;
const ASCII_WORD = /^[A-Za-z]+$/;
// Characters that may stand between words of ordinary text. Anything else that is not a letter
// (¸ · ¹ « ¬ © ¨ ® × ÷, soft hyphen …) is a trace of a legacy encoding.
const JUNK = /[^\p{L}\p{M}\x20-\x7e\s\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b0]/gu;

export interface TextAssessment {
  words: number;
  /** Words that are neither a Vietnamese syllable nor a plain ASCII word. */
  bad: number;
  /** Non-letter characters that ordinary text does not contain. */
  junk: number;
}

/** How much of a text looks like ordinary (Vietnamese or ASCII) text. */
export function assessVietnamese(text: string): TextAssessment {
  let words = 0;
  let bad = 0;
  for (const match of text.matchAll(WORD)) {
    words++;
    const word = match[0];
    if (!ASCII_WORD.test(word) && !isVietnameseSyllable(word)) bad++;
  }
  const junk = text.match(JUNK)?.length ?? 0;
  return { words, bad, junk };
}

export function isPlausible(a: TextAssessment): boolean {
  return a.bad === 0 && a.junk === 0;
}

// Words, junk characters and NFC never span a space, so a text is plausible exactly when each of
// its space-separated tokens is; tokens (syllables, house numbers) repeat, so they are remembered.
const ordinaryToken = new RangeMemo((token: string) => isPlausible(assessVietnamese(token.normalize('NFC'))), 200_000);

/**
 * isPlausible(assessVietnamese(text)), token by token. A token of printable ASCII is ordinary
 * without a lookup: its words are ASCII words and none of its characters is junk.
 */
export function isOrdinaryText(text: string): boolean {
  const length = text.length;
  let start = 0;
  while (start < length) {
    let end = start;
    let ascii = true;
    for (; end < length; end++) {
      const c = text.charCodeAt(end);
      if (c === 0x20) break;
      if (c < 0x20 || c > 0x7e) ascii = false;
    }
    if (!ascii && !ordinaryToken.get(text, start, end)) return false;
    start = end + 1;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// CP1252: Unicode text back to the bytes it was decoded from.

// The 0x80–0x9F range of CP1252; the five bytes it leaves undefined decode (WHATWG) to the C1
// control of the same number, which the generic branch below maps back.
const CP1252_HIGH: Record<string, number> = {
  '\u20ac': 0x80, '\u201a': 0x82, '\u0192': 0x83, '\u201e': 0x84, '\u2026': 0x85, '\u2020': 0x86,
  '\u2021': 0x87, '\u02c6': 0x88, '\u2030': 0x89, '\u0160': 0x8a, '\u2039': 0x8b, '\u0152': 0x8c,
  '\u017d': 0x8e, '\u2018': 0x91, '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2022': 0x95,
  '\u2013': 0x96, '\u2014': 0x97, '\u02dc': 0x98, '\u2122': 0x99, '\u0161': 0x9a, '\u203a': 0x9b,
  '\u0153': 0x9c, '\u017e': 0x9e, '\u0178': 0x9f,
};

/** The CP1252 bytes of a text, or null when a character has no CP1252 byte. */
export function encodeCp1252(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (code < 0x100) bytes[i] = code;
    else {
      const byte = CP1252_HIGH[ch];
      if (byte === undefined) return null;
      bytes[i] = byte;
    }
  }
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1258 = new TextDecoder('windows-1258');

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

const NON_ASCII = /[\u0080-\uffff]/;

/** UTF-8 bytes that were read as CP1252 (`Nguyá»…n`), once or repeatedly; null when it is not that. */
export function decodeMojibake(text: string): string | null {
  let current = text;
  // Text that went through the wrong decoding twice (Ã„â€˜) needs two rounds.
  for (let round = 0; round < 3; round++) {
    const bytes = encodeCp1252(current);
    if (!bytes) break;
    const decoded = decodeUtf8(bytes);
    if (decoded === null || decoded === current) break;
    current = decoded;
  }
  return current === text ? null : current.normalize('NFC');
}

// One UTF-8 sequence of a Vietnamese letter as CP1252 shows it: a lead byte C2–EF and one or two
// continuation bytes 80–BF (in CP1252 guise).
const CONTINUATION = '\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178';
const MOJIBAKE_SEQUENCE = new RegExp(`[\\u00c2-\\u00df][${CONTINUATION}]|[\\u00e0-\\u00ef][${CONTINUATION}]{2}`, 'g');

/**
 * Repairs the mojibake sequences of a text one by one, for cells where a byte got lost (NBSP turned
 * into a space, the undefined 0x90 of `Đ` dropped) or mojibake is mixed with correct text.
 */
export function repairMojibakePieces(text: string): string | null {
  let changed = false;
  const repaired = text.replace(MOJIBAKE_SEQUENCE, (piece) => {
    const bytes = encodeCp1252(piece);
    const decoded = bytes && decodeUtf8(bytes);
    if (!decoded) return piece;
    changed = true;
    return decoded;
  });
  if (!changed) return null;
  // In a cell that certainly had mojibake, a lone Ä is Đ whose 0x90 byte was lost, and Ã before a
  // space is à whose NBSP became a space.
  // Of two spaces after Ã, the first was the NBSP.
  return repaired.replace(/Ä(?=[A-Za-z\u00c0-\u1ef9])/g, 'Đ').replace(/Ã( ?)(?= )/g, 'à').normalize('NFC');
}

/** Windows-1258 bytes read as CP1252 (`NguyêÞn Vãn`), decoded and recomposed; null when nothing changes. */
export function decodeWindows1258(text: string): string | null {
  const bytes = encodeCp1252(text);
  if (!bytes) return null;
  const decoded = cp1258.decode(bytes).normalize('NFC');
  return decoded === text ? null : decoded;
}

// ---------------------------------------------------------------------------------------------
// TCVN3 (ABC, TCVN 5712:1993), §4.5 table: columns bare, huyền, sắc, hỏi, ngã, nặng.

const TCVN3_ROWS: readonly [string, number | null, number, number, number, number, number][] = [
  ['a', null, 0xb5, 0xb8, 0xb6, 0xb7, 0xb9],
  ['ă', 0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6],
  ['â', 0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb],
  ['e', null, 0xcc, 0xd0, 0xce, 0xcf, 0xd1],
  ['ê', 0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6],
  ['i', null, 0xd7, 0xdd, 0xd8, 0xdc, 0xde],
  ['o', null, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4],
  ['ô', 0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9],
  ['ơ', 0xac, 0xea, 0xed, 0xeb, 0xec, 0xee],
  ['u', null, 0xef, 0xf3, 0xf1, 0xf2, 0xf4],
  ['ư', 0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9],
  ['y', null, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe],
];
const TCVN3_SINGLES: Record<number, string> = { 0xae: 'đ', 0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ' };

/** TCVN3 byte (as the Latin-1 character it shows as) → Vietnamese letter: 74 entries. */
export const TCVN3_TABLE: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  const marks = [TONES.grave, TONES.acute, TONES.hook, TONES.tilde, TONES.dot];
  for (const [vowel, bare, ...toned] of TCVN3_ROWS) {
    if (bare !== null) table.set(String.fromCharCode(bare), vowel);
    toned.forEach((byte, i) => table.set(String.fromCharCode(byte), compose(vowel, marks[i] as string)));
  }
  for (const [byte, letter] of Object.entries(TCVN3_SINGLES)) table.set(String.fromCharCode(Number(byte)), letter);
  return table;
})();

const TCVN3_CHAR = new RegExp(`[${[...TCVN3_TABLE.keys()].join('')}]`, 'g');
const HORN_O = /[ơờớởỡợƠỜỚỞỠỢ]/;

// ư is the soft hyphen 0xAD, which editors drop: H¬ng was Hương.
function restoreLostU(word: string): string {
  if (isVietnameseSyllable(word) || !HORN_O.test(word)) return word;
  const withU = word.replace(HORN_O, (o) => (o === o.toLowerCase() ? 'ư' : 'Ư') + o);
  return isVietnameseSyllable(withU) ? withU : word;
}

/** TCVN3 read as CP1252 (`NguyÔn V¨n Hïng`); null when the text has no TCVN3 byte. */
export function decodeTcvn3(text: string): string | null {
  TCVN3_CHAR.lastIndex = 0;
  if (!TCVN3_CHAR.test(text)) return null;
  // TCVN3 has no toned capitals: upper-case text ("H" fonts) reuses the lower-case bytes, so a word
  // whose ASCII letters are all capitals is upper-cased after decoding.
  return text.replace(/[^\s]+/g, (token) => {
    let decoded = token.replace(TCVN3_CHAR, (ch) => TCVN3_TABLE.get(ch) ?? ch);
    const ascii = token.replace(/[^A-Za-z]/g, '');
    if (ascii.length >= 2 && ascii === ascii.toUpperCase()) decoded = decoded.toUpperCase();
    return decoded.replace(WORD, restoreLostU);
  });
}

// ---------------------------------------------------------------------------------------------
// VNI-Windows, §4.5: ASCII base letter + mark byte(s), both as CP1252 characters.

/** VNI sequence (1–2 characters, lower-case form) → Vietnamese letter (lower case). */
const VNI_SEQUENCES: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const plainMarks: [string, string][] = [
    ['ù', TONES.acute], ['ø', TONES.grave], ['û', TONES.hook], ['õ', TONES.tilde], ['ï', TONES.dot],
  ];
  for (const v of 'aeouy') for (const [byte, mark] of plainMarks) map.set(v + byte, compose(v, mark));
  // i and ỵ are single bytes.
  for (const [byte, letter] of [['ì', 'ì'], ['í', 'í'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['î', 'ỵ']] as const) map.set(byte, letter);
  // ơ = ô, ư = ö, then their tones with the plain-vowel marks.
  for (const [byte, letter] of [['ô', 'ơ'], ['ö', 'ư']] as const) {
    map.set(byte, letter);
    for (const [markByte, mark] of plainMarks) map.set(byte + markByte, compose(letter, mark));
  }
  // â ê ô = base + â; toned: á à å ã ä in place of the â.
  const hatMarks: [string, string][] = [['â', ''], ['á', TONES.acute], ['à', TONES.grave], ['å', TONES.hook], ['ã', TONES.tilde], ['ä', TONES.dot]];
  for (const [v, hat] of [['a', 'â'], ['e', 'ê'], ['o', 'ô']] as const) {
    for (const [byte, mark] of hatMarks) map.set(v + byte, compose(hat, mark));
  }
  // ă = a + ê; toned: é è ú ü ë.
  const breveMarks: [string, string][] = [['ê', ''], ['é', TONES.acute], ['è', TONES.grave], ['ú', TONES.hook], ['ü', TONES.tilde], ['ë', TONES.dot]];
  for (const [byte, mark] of breveMarks) map.set('a' + byte, compose('ă', mark));
  map.set('ñ', 'đ');
  return map;
})();

const VNI_MARK = /[ùøûõïìíæóòîôöâáàåãäêéèúüëñ]/i;

/** VNI read as CP1252 (`Nguyeãn Vaên`); null when nothing decodes. */
export function decodeVni(text: string): string | null {
  if (!VNI_MARK.test(text)) return null;
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; ) {
    const pair = text.slice(i, i + 2);
    const two = pair.length === 2 ? VNI_SEQUENCES.get(pair.toLowerCase()) : undefined;
    const first = text[i] as string;
    // The letter's case is the base letter's: AÙ, Aù and aù all carry the base's case.
    if (two !== undefined && /[A-Za-zÔÖôö]/.test(first)) {
      out += first === first.toLowerCase() ? two : two.toUpperCase();
      i += 2;
      changed = true;
      continue;
    }
    const one = VNI_SEQUENCES.get(first.toLowerCase());
    if (one !== undefined) {
      out += first === first.toLowerCase() ? one : one.toUpperCase();
      changed = true;
    } else out += first;
    i++;
  }
  return changed ? out.normalize('NFC') : null;
}

// ---------------------------------------------------------------------------------------------
// VIQR (RFC 1456): ASCII letters followed by ^ ( + (circumflex, breve, horn) and ' ` ? ~ . (tones).

const VIQR_TONES: Record<string, string> = { "'": TONES.acute, '`': TONES.grave, '?': TONES.hook, '~': TONES.tilde, '.': TONES.dot };
const VIQR_MODIFIERS: Record<string, Record<string, string>> = {
  '^': { a: 'â', e: 'ê', o: 'ô' },
  '(': { a: 'ă' },
  '+': { o: 'ơ', u: 'ư' },
};
const LETTER = /[A-Za-z]/;

export interface ViqrDecoding {
  text: string;
  /** Marks that ordinary ASCII text hardly has, inside a word: ^ ( + ` ~ followed by a letter, a leading dd. */
  strong: number;
  /** ' ? . between two letters (ho.c); also in English (I'm, a.m.), so they count less. */
  weakInner: number;
  /** ^ ( + ` ~ at the end of a word of two or more letters (Ha`); also in code (`x.py`). */
  strongFinal: number;
}

/** Reads a text as VIQR; null when no mark converts. */
export function decodeViqr(text: string, trustFinal = false): ViqrDecoding | null {
  let out = '';
  let strong = 0;
  let weakInner = 0;
  let strongFinal = 0;
  let toned = false; // the current word already has a tone
  for (let i = 0; i < text.length; ) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length && /[\^(+'`?~.]/.test(text[i + 1] as string)) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    const wordStart = i === 0 || !LETTER.test(text[i - 1] as string);
    if (wordStart) toned = false;
    if (wordStart && /^(dd|DD|Dd)[aeiouyAEIOUY]/.test(text.slice(i, i + 3))) {
      out += ch === 'd' ? 'đ' : 'Đ';
      strong++;
      i += 2;
      continue;
    }
    const lower = ch.toLowerCase();
    if (!'aeiouy'.includes(lower)) {
      out += ch;
      i++;
      continue;
    }
    let letter = lower;
    let j = i + 1;
    const modifier = VIQR_MODIFIERS[text[j] ?? '']?.[lower];
    const toneAt = modifier === undefined ? j : j + 1;
    const toneChar = text[toneAt] ?? '';
    const tone = toned ? undefined : VIQR_TONES[toneChar];
    const end = tone === undefined ? toneAt : toneAt + 1;
    const inner = LETTER.test(text[end] ?? '');
    // A vowel that is a whole word with a mark after it is an initial or code, not VIQR: "N/A`", "A.".
    if (wordStart && !inner && (modifier !== undefined || tone !== undefined)) {
      out += ch;
      i++;
      continue;
    }
    if (modifier !== undefined) {
      letter = modifier;
      j++;
    }
    let strongMark = modifier !== undefined;
    if (tone !== undefined) {
      const strongTone = toneChar === '`' || toneChar === '~';
      // ' ? . at the end of a word is usually punctuation: read as a tone only after a modifier or
      // inside the text (not as its last character, unless other marks made the text surely VIQR).
      // English has I'm and a.m.: a mark right after a word's first letter is no evidence.
      if (strongTone || inner || modifier !== undefined || ((trustFinal || j + 1 < text.length) && toneChar !== '?')) {
        letter = compose(letter, tone);
        toned = true;
        j++;
        strongMark ||= strongTone;
        if (!strongTone && modifier === undefined && inner && !wordStart) weakInner++;
      }
    }
    if (strongMark) {
      if (inner) strong++;
      else strongFinal++;
    }
    out += ch === lower ? letter : letter.toUpperCase();
    i = j;
  }
  if (strong === 0 && weakInner === 0 && strongFinal === 0) return null;
  return { text: out.normalize('NFC'), strong, weakInner, strongFinal };
}

// ---------------------------------------------------------------------------------------------
// Detection.

export type LegacyEncoding = 'mojibake' | 'windows-1258' | 'tcvn3' | 'vni' | 'viqr';

export interface LegacyDiagnosis {
  /** The encodings whose decoding is well-formed, or the best partial one. */
  encodings: LegacyEncoding[];
  /** The decoded NFC text, or null when the decodings disagree (manual review). */
  decoded: string | null;
  /** The whole decoded cell reads as Vietnamese (or ASCII). */
  complete: boolean;
  /** The cell decoded as one piece; false when mojibake was repaired sequence by sequence (lossy). */
  whole: boolean;
}


/**
 * A legacy letter stands inside a word: a decoding must produce a new word of two or more letters.
 * A lone symbol (· between items, `ø` quoted) decodes to a one-letter word (ã, ứ) and proves nothing.
 */
function makesNewWord(original: string, decoded: string): boolean {
  const before = new Set(Array.from(original.matchAll(WORD), (m) => m[0]));
  for (const match of decoded.matchAll(WORD)) {
    if (!before.has(match[0]) && [...match[0]].length >= 2) return true;
  }
  return false;
}
const VIQR_HINT = /[\^(+`'?~.]|dd/i;

// Every word the marks turned into Vietnamese must be a syllable; ASCII words around stay as they are.
function viqrWellFormed(decoded: string): boolean {
  for (const match of decoded.matchAll(WORD)) {
    if (NON_ASCII.test(match[0]) && !isVietnameseSyllable(match[0])) return false;
  }
  return assessVietnamese(decoded).junk === 0;
}

function diagnoseViqr(text: string): LegacyDiagnosis | null {
  if (!VIQR_HINT.test(text)) return null;
  const viqr = decodeViqr(text);
  if (!viqr || viqr.text === text) return null;
  // Marks only at word ends are too weak on their own: `oa`/`uy` in Markdown, file.py`.
  if (viqr.strong === 0 && viqr.weakInner < 2) return null;
  if (!viqrWellFormed(viqr.text)) return null;
  // Sure now that the cell is VIQR, a final mark is a tone too: Nguye^~n Thi. is Nguyễn Thị.
  const withFinal = decodeViqr(text, true);
  const decoded = withFinal && viqrWellFormed(withFinal.text) ? withFinal.text : viqr.text;
  return { encodings: ['viqr'], decoded, complete: true, whole: true };
}

/**
 * Tells whether a cell is Vietnamese text in a legacy encoding or a wrong code page, and what it
 * says. Ordinary text (Vietnamese NFC, English, other Latin text) gives null: a decoding is only
 * believed when the cell does not read as Vietnamese and the decoded text reads better.
 */
export function diagnoseLegacyText(text: string): LegacyDiagnosis | null {
  if (!NON_ASCII.test(text)) return diagnoseViqr(text);
  if (isOrdinaryText(text)) return null;
  const before = assessVietnamese(text.normalize('NFC'));

  const candidates: { encoding: LegacyEncoding; decoded: string; whole?: false }[] = [];
  const mojibake = decodeMojibake(text);
  if (mojibake !== null) {
    // Valid multi-byte UTF-8 out of CP1252 characters is itself near proof: no other decoding competes.
    return { encodings: ['mojibake'], decoded: mojibake, complete: isPlausible(assessVietnamese(mojibake)), whole: true };
  }
  const pieces = repairMojibakePieces(text);
  if (pieces !== null) candidates.push({ encoding: 'mojibake', decoded: pieces, whole: false });
  const w1258 = decodeWindows1258(text);
  if (w1258 !== null) candidates.push({ encoding: 'windows-1258', decoded: w1258 });
  const tcvn3 = decodeTcvn3(text);
  if (tcvn3 !== null) candidates.push({ encoding: 'tcvn3', decoded: tcvn3.normalize('NFC') });
  const vni = decodeVni(text);
  if (vni !== null) candidates.push({ encoding: 'vni', decoded: vni });

  const assessed = candidates
    .filter((c) => c.decoded !== text && makesNewWord(text, c.decoded))
    .map((c) => ({ ...c, assessment: assessVietnamese(c.decoded) }));
  const complete = assessed.filter((c) => isPlausible(c.assessment));
  if (complete.length > 0) {
    const texts = new Set(complete.map((c) => c.decoded));
    return {
      encodings: complete.map((c) => c.encoding),
      decoded: texts.size === 1 ? (complete[0] as (typeof complete)[number]).decoded : null,
      complete: true,
      whole: complete.every((c) => c.whole !== false),
    };
  }
  // Partial: the decoding must remove every stray symbol and at least half of the bad words.
  const partial = assessed
    .filter((c) => c.assessment.junk === 0 && c.assessment.bad * 2 <= before.bad && c.assessment.bad < c.assessment.words / 2)
    .sort((a, b) => a.assessment.bad - b.assessment.bad);
  const best = partial[0];
  if (!best) return null;
  const tied = partial.filter((c) => c.assessment.bad === best.assessment.bad && c.decoded !== best.decoded);
  return {
    encodings: [best.encoding, ...tied.map((c) => c.encoding)],
    decoded: tied.length === 0 ? best.decoded : null,
    complete: false,
    whole: best.whole !== false,
  };
}

// Combining tone marks after a precomposed â ê ô ă ơ ư: text decoded from Windows-1258 and never
// recomposed (§4.1), as opposed to fully decomposed (NFD) text.
const CP1258_SHAPE = /[âêôăơưÂÊÔĂƠƯ][\u0300\u0301\u0303\u0309\u0323]/;

/** 'CP1258' or 'NFD' for text that is not in NFC form, null when it is NFC. */
export function decomposedShape(text: string): 'CP1258' | 'NFD' | null {
  if (!NON_ASCII.test(text) || text.normalize('NFC') === text) return null;
  return CP1258_SHAPE.test(text) ? 'CP1258' : 'NFD';
}
