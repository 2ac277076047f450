// The shape of a value: what it looks like with its content abstracted away, so that a column's
// formats can be counted. Digits are kept one for one (`d`): their number is what tells a 12-digit
// ID from a 9-digit CMND or a date. A run of letters becomes one symbol, because the length of a
// name says nothing while its case does: `Aa` a capitalised word (Nguyễn), `A` an upper-case one
// (NGUYỄN, DN, or one capital), `a` a lower-case one; Vietnamese letters (and combining marks
// inside a word) count as letters. Other characters stay as they are, so `14/10/2013` is
// `dd/dd/dddd` and `Nguyễn Văn An` is `Aa Aa Aa`. A shape is clipped at MAX_SHAPE_CHARS so a long
// address cannot make a long key.

export const MAX_SHAPE_CHARS = 40;

// Character classes of the code units below U+2000 (Latin, Vietnamese, combining marks), computed
// once: the shape of every value of a large column is taken, so no regular expression per character.
const OTHER = 0;
const DIGIT = 1;
const LOWER = 2;
const UPPER = 3;
/** A letter without case, or a combining mark (it continues the run it is in). */
const CASELESS = 4;
const TABLE_SIZE = 0x2000;
const CLASSES = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) CLASSES[c] = classify(String.fromCharCode(c));

function classify(ch: string): number {
  if (/\p{Nd}/u.test(ch)) return DIGIT;
  if (/\p{M}/u.test(ch)) return CASELESS;
  if (!/\p{L}/u.test(ch)) return OTHER;
  if (ch !== ch.toUpperCase()) return LOWER;
  if (ch !== ch.toLowerCase()) return UPPER;
  return CASELESS;
}

/** Beyond the table (other scripts, astral characters): letters and digits by Unicode property. */
function classOfRare(ch: string): number {
  return /\p{Nd}/u.test(ch) ? DIGIT : /[\p{L}\p{M}]/u.test(ch) ? CASELESS : OTHER;
}

function runSymbol(first: number, lowerAfter: boolean): string {
  return first === UPPER ? (lowerAfter ? 'Aa' : 'A') : 'a';
}

export function valueShape(text: string): string {
  let shape = '';
  // The current run of letters: the class of its first cased letter (0 while none), and whether a
  // lower-case letter followed it.
  let inRun = false;
  let first = 0;
  let lowerAfter = false;
  for (let i = 0; i < text.length && shape.length <= MAX_SHAPE_CHARS; i++) {
    const c = text.charCodeAt(i);
    let ch = '';
    let cls: number;
    if (c < TABLE_SIZE) cls = CLASSES[c] as number;
    else {
      // A surrogate pair is one character.
      const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      ch = pair ? text.slice(i, i + 2) : (text[i] as string);
      if (pair) i++;
      cls = classOfRare(ch);
    }
    if (cls === LOWER || cls === UPPER || cls === CASELESS) {
      if (!inRun) {
        inRun = true;
        first = cls === CASELESS ? 0 : cls;
        lowerAfter = false;
      } else if (first === 0 && cls !== CASELESS) first = cls;
      else if (cls === LOWER) lowerAfter = true;
      continue;
    }
    if (inRun) {
      shape += runSymbol(first, lowerAfter);
      inRun = false;
    }
    shape += cls === DIGIT ? 'd' : ch || (text[i] as string);
  }
  if (inRun) shape += runSymbol(first, lowerAfter);
  return shape.length > MAX_SHAPE_CHARS ? `${shape.slice(0, MAX_SHAPE_CHARS)}…` : shape;
}
