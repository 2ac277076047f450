// Cells of the CSV fix list, safe to open in a spreadsheet (OWASP "CSV Injection").
//
// A spreadsheet runs a cell that starts with = + - @ (and, in some, a tab or a carriage return
// before them) as a formula: `=HYPERLINK("http://evil","click")` in a name column would be a link.
// Every such cell is written with a leading apostrophe, which makes it plain text. So that the list
// can be read back exactly (`dqc fix` applies values, and `-5` or `+84…` must stay themselves), a
// cell that already starts with an apostrophe gets one more: reading strips exactly one leading
// apostrophe from any cell that has one. Writing and reading are inverse for every string.

/** First characters a spreadsheet may take as the start of a formula, plus the escape itself. */
const NEEDS_PREFIX = new Set(['=', '+', '-', '@', '\t', '\r', "'"]);
const ESCAPE = "'";

/** The text to store for a value: an apostrophe before it when it could start a formula. */
export function neutralize(value: string): string {
  return value.length > 0 && NEEDS_PREFIX.has(value[0] as string) ? ESCAPE + value : value;
}

/** Inverse of neutralize: one leading apostrophe removed. */
export function restore(cell: string): string {
  return cell.startsWith(ESCAPE) ? cell.slice(1) : cell;
}

/** One CSV field (RFC 4180) as it stands: quoted when it holds a comma, a quote or a line break. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV field of the fix list: neutralised, then quoted. */
export function csvCell(value: string): string {
  return quoteCsvField(neutralize(value));
}
