// Escaping for the text formats. Every value that comes from data (cells, headers, file paths,
// pack texts) goes through one of these: a cell holding `<script>` is shown, never run.

// C0 controls other than tab, LF and CR, DEL, and lone surrogates: not allowed in XML 1.0 and
// invisible in HTML. They become visible pictures (U+2400…) or U+FFFD, so a reader sees that a
// cell held one.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NONCHARACTER = /[\ufffe\uffff]/g;

export function visibleControls(text: string): string {
  return text
    .replace(CONTROL, (c) => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))))
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(NONCHARACTER, '\ufffd');
}

// C1 controls (U+0080–U+009F: U+009B is a one-byte CSI to many terminals) and the bidi embeddings,
// overrides and isolates, which reorder what a reader sees (a name that reads backwards, a value
// that hides its end). Shown as their code point.
const C1_AND_BIDI = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g;
const codePoint = (c: string) => `<U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}>`;

/**
 * Text from data made safe for a terminal or a Markdown page: C0 controls (ESC among them, so a cell
 * holding `ESC[2J` cannot clear the steward's screen), DEL, C1 controls and bidi controls become
 * visible. Tab and line breaks are left to the caller (Markdown folds them; the console shows them).
 */
export function visibleText(text: string): string {
  return visibleControls(text).replace(C1_AND_BIDI, codePoint);
}

/** A line for the console: visibleText, with line breaks inside a value shown as ␍ ␊. */
export function terminalText(text: string): string {
  return visibleText(text).replace(/\r/g, '\u240d').replace(/\n/g, '\u240a');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return visibleControls(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] as string);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for XML element content, or (attribute = true) a quoted attribute value, where quotes are
 * escaped and tabs and line breaks written as references so a parser keeps them.
 */
export function escapeXml(text: string, attribute = false): string {
  const visible = visibleControls(text);
  if (!attribute) return visible.replace(/[&<>]/g, (c) => XML_ENTITIES[c] as string).replace(/\r/g, '&#13;');
  return visible.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** HTML that is already safe: built by the `html` tag, never from data. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function renderValue(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Template tag for HTML: every interpolated value is escaped unless it is SafeHtml (the result of
 * another `html` template), so a formatter cannot forget to escape a value.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * Text for Markdown (GitHub-flavoured, inside table cells too): one line, HTML characters as
 * entities, and the characters that start emphasis, code, links, strikethrough or a table cell
 * escaped with a backslash.
 */
export function escapeMarkdown(text: string): string {
  return visibleText(text)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] as string)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/** A value as a Markdown code span: nothing inside is interpreted; pipes escaped for tables. */
export function markdownCode(text: string): string {
  const line = visibleText(text).replace(/\r\n|\r|\n/g, ' ');
  if (line === '') return '';
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || /^ .* $/.test(line) ? ' ' : '';
  return `${fence}${pad}${line.replace(/\|/g, '\\|')}${pad}${fence}`;
}
