// What a spreadsheet does to a fix list opened and saved in it. Excel reads every cell of a CSV
// that looks like a number as a number and saves what it then shows: `040146646276` comes back as
// `40146646276`, `123456789012` as `1.23457E+11`, `+84913832741` as `84913832741`. A fix whose
// value went through that would apply a broken value, or — when current_value and proposed_value
// became the same number — look already applied while the cell is still wrong. dqc cannot know what
// a value was before, but it can tell a value that has the shape of such a rewrite and that no
// check would have written.

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?E[+-]?\d+$/i;
/** How a spreadsheet writes a whole number it parsed: digits, no leading zero, no plus sign. */
const SPREADSHEET_INTEGER = /^(?:0|[1-9]\d*)$/;
const NUMBER_TEXT = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Excel's General format shows 11 characters of a number; longer ones in scientific notation. */
const GENERAL_WIDTH = 11;
/** Excel keeps 15 significant digits; the rest become zeros. */
const EXCEL_DIGITS = 15;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * The texts a spreadsheet may save for `text` when it took it for a number (none when it would
 * keep it as text): leading zeros and a plus sign dropped, digits past the 15th zeroed, trailing
 * decimal zeros dropped, and a number wider than the General format in scientific notation.
 */
export function spreadsheetForms(text: string): Set<string> {
  const forms = new Set<string>();
  const t = text.trim();
  if (!NUMBER_TEXT.test(t)) return forms;
  const negative = t.startsWith('-');
  const [whole = '', fraction = ''] = t.replace(/^[+-]/, '').split(/[.,]/);
  let digits = whole.replace(/^0+(?=\d)/, '');
  if (digits.length > EXCEL_DIGITS) digits = digits.slice(0, EXCEL_DIGITS) + '0'.repeat(digits.length - EXCEL_DIGITS);
  const decimals = fraction.replace(/0+$/, '');
  for (const separator of ['.', ',']) {
    const plain = (negative ? '-' : '') + digits + (decimals ? separator + decimals : '');
    forms.add(plain);
    if (digits.length > GENERAL_WIDTH) {
      const [mantissa = '', exponent = ''] = Number(`${digits}.${decimals || '0'}`).toExponential(5).split('e');
      const shown = mantissa.replace(/\.?0+$/, '').replace('.', separator);
      const power = Number(exponent);
      forms.add(`${negative ? '-' : ''}${shown}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`);
    }
  }
  return forms;
}

/** `seen` is what a spreadsheet would have saved for `original` (and not `original` itself). */
export function rewrittenBySpreadsheet(seen: string, original: string): boolean {
  return seen !== original && spreadsheetForms(original).has(seen);
}

/**
 * A `set` fix whose proposed value has the shape of a spreadsheet's rewrite, judged from the list
 * alone: scientific notation the cell never held; a number equal to current_value (a check proposes
 * a change, so the two became one number in the spreadsheet); or, where current_value stayed text
 * (separators, a '+'), its digits without their leading zeros or country code — no check shortens
 * a number that way: '038 153 736344' → '38153736344', '+84913832741' → '913832741'.
 */
export function proposalRewrittenBySpreadsheet(proposed: string, current: string): boolean {
  const p = proposed.trim();
  const scientific = SCIENTIFIC.test(p);
  if (!scientific && !NUMBER_TEXT.test(p)) return false;
  if (proposed === current) return true;
  // White space cleaned around a value that was in scientific notation already is not a rewrite.
  if (scientific) return p !== current.trim();
  // A current_value that is a plain number would have been rewritten too (and then equal the
  // proposal); one that stayed a number with its zeros is a check's own choice: '01' → '1' for a
  // declared code list that writes codes without zeros. '+84…' stayed text by the list's apostrophe.
  const c = current.trim();
  if (!SPREADSHEET_INTEGER.test(p) || (NUMBER_TEXT.test(c) && !c.startsWith('+'))) return false;
  const digits = digitsOf(current);
  if (digits.length <= p.length || !digits.endsWith(p)) return false;
  // Zeros a number cannot keep; or a country code, whose national form starts with a 0 that went the same way.
  return /^0+$/.test(digits.slice(0, digits.length - p.length)) || c.startsWith('+');
}
