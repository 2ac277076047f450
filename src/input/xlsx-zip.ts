// exceljs' streaming WorkbookReader, reading the zip through its central directory.
//
// Its own parse() walks the zip once, in stored order, and only learns the sheets' names from
// xl/workbook.xml. A zip that stores the shared strings before the sheets and the workbook part after
// them fails outright ("Cannot read properties of undefined (reading 'sheets')"); one that stores the
// workbook part last, as exceljs does, fails now and then on Node ≥ 18, where that single pass loses
// its final entry (exceljs issue #3064) — and were that entry a sheet, the sheet would be missed. It
// also copies every sheet met before the shared strings to a temporary file first.
//
// Here the parts are looked up in the central directory (unzipper.Open, random access), the
// workbook, relationships, shared strings and styles parsed first, and each sheet then streamed
// row by row in the workbook's tab order. exceljs' own part parsers do the XML; only the order
// they are fed in, and their text (decoded across chunks, rich inline strings joined), is ours. A file with no central directory (cut short) fails to open, as it should.

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';

type WorkbookReaderOptions = Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>;

interface ZipEntry {
  path: string;
  type: string;
  stream(): NodeJS.ReadableStream;
}

/** What parse() uses of the reader: exceljs' part parsers (stable in the locked 4.4 line). */
interface ReaderParts {
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<unknown>;
  parse(): AsyncGenerator<unknown>;
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** A relationship's target that is a worksheet, however written ("worksheets/sheet2.xml", "/xl/worksheets/sheet2.xml"). */
const WORKSHEET_TARGET = /(?:^|\/)worksheets\/(sheet\d+\.xml)$/;

/**
 * A WorkbookReader over the file at `path` whose sheets come in tab order, none lost. Each sheet it
 * gives also answers `mergedRanges()` (see `sheetMerges`).
 */
export function openWorkbookReader(path: string, options: WorkbookReaderOptions): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, options);
  const parts = reader as unknown as ReaderParts;
  parts.parse = async function* parse() {
    const byPath = await readWorkbookPart(path, parts);
    const part = (name: string) => {
      const entry = byPath.get(name);
      return entry && textOf(entry);
    };
    const strings = part('xl/sharedStrings.xml');
    if (strings) yield* parts._parseSharedStrings(strings);
    const styles = part('xl/styles.xml');
    if (styles) await parts._parseStyles(styles);
    for (const sheetNo of sheetOrder(parts, [...byPath.keys()])) {
      const entry = byPath.get(`xl/worksheets/sheet${sheetNo}.xml`)!;
      for (const event of parts._parseWorksheet(joinInlineRuns(utf8Chunks(entry)), sheetNo)) {
        const sheet = (event as { value?: object }).value;
        if (sheet) Object.assign(sheet, { mergedRanges: () => mergedRanges(entry) });
        yield event;
      }
    }
  };
  return reader;
}

/** The names of the workbook's sheets that have a part, in tab order; no sheet is read. */
export async function workbookSheetNames(path: string): Promise<string[]> {
  const parts = new ExcelJS.stream.xlsx.WorkbookReader(path, {}) as unknown as ReaderParts;
  const byPath = await readWorkbookPart(path, parts);
  const partOf = sheetPartNumbers(parts);
  const nameOf = new Map((parts.model?.sheets ?? []).map((sheet) => [partOf.get(sheet.rId), sheet.name]));
  return sheetOrder(parts, [...byPath.keys()]).map((n) => nameOf.get(n) ?? `Sheet${n}`);
}

/**
 * The zip's files by path, with the workbook's relationships and workbook part parsed into `parts`.
 * A sheet's target is written back as exceljs matches it ("worksheets/sheetN.xml"), whether the
 * writer made it absolute ("/xl/worksheets/sheetN.xml") or relative.
 */
async function readWorkbookPart(path: string, parts: ReaderParts): Promise<Map<string, ZipEntry>> {
  const directory = (await unzipper.Open.file(path)) as { files: ZipEntry[] };
  const byPath = new Map(directory.files.filter((f) => f.type === 'File').map((f) => [f.path.replace(/^\//, ''), f]));
  const rels = byPath.get('xl/_rels/workbook.xml.rels');
  if (rels) await parts._parseRels(textOf(rels));
  for (const rel of parts.workbookRels ?? []) {
    // Only a worksheet's target: a chartsheet's (chartsheets/sheet1.xml) is numbered on its own.
    const file = WORKSHEET_TARGET.exec(rel.Target)?.[1];
    if (file) rel.Target = `worksheets/${file}`;
  }
  const workbook = byPath.get('xl/workbook.xml');
  if (workbook) await parts._parseWorkbook(textOf(workbook));
  return byPath;
}

/** Each sheet relationship's part number ("rId3" → "3" for worksheets/sheet3.xml). */
function sheetPartNumbers(parts: ReaderParts): Map<string, string> {
  return new Map((parts.workbookRels ?? []).flatMap((rel) => {
    const n = SHEET_PART.exec(`xl/${rel.Target}`)?.[1];
    return n === undefined ? [] : [[rel.Id, n] as [string, string]];
  }));
}

/** The sheet part numbers in the workbook's tab order; parts the workbook does not name, after them by number. */
function sheetOrder(parts: ReaderParts, paths: readonly string[]): string[] {
  const present = paths.flatMap((p) => SHEET_PART.exec(p)?.[1] ?? []).sort((a, b) => Number(a) - Number(b));
  const partOf = sheetPartNumbers(parts);
  const named = (parts.model?.sheets ?? []).flatMap((sheet) => partOf.get(sheet.rId) ?? []);
  return [...new Set([...named.filter((n) => present.includes(n)), ...present])];
}

/** The merged ranges of a sheet a reader from `openWorkbookReader` gave (none for any other). */
export function sheetMerges(sheet: object): Promise<MergedRange[]> {
  const read = (sheet as { mergedRanges?: () => Promise<MergedRange[]> }).mergedRanges;
  return read ? read() : Promise.resolve([]);
}

/** A merged range, 1-based and inclusive, as `<mergeCell ref="B5:D5"/>` gives it. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MERGE_CELLS = Buffer.from('mergeCells');
const MERGE_END = /<\/(?:\w+:)?mergeCells\s*>/;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z]+\d+)(?::([A-Za-z]+\d+))?["']/g;

/**
 * A sheet's merged ranges. They are written after the sheet's rows, so the part is inflated once
 * more and only scanned for the `mergeCells` element (no XML is parsed on the way: zlib's speed,
 * a small share of reading the rows).
 */
async function mergedRanges(entry: ZipEntry): Promise<MergedRange[]> {
  let carry: Buffer = Buffer.alloc(0);
  let found: string | null = null;
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
    if (found === null) {
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let at = data.indexOf(MERGE_CELLS);
      // The element, not the word inside a cell's text (where '<' would be written '&lt;').
      while (at > 0 && data[at - 1] !== 0x3c && data[at - 1] !== 0x3a) at = data.indexOf(MERGE_CELLS, at + 1);
      if (at > 0) found = data.toString('utf8', at);
      else carry = data.subarray(Math.max(0, data.length - MERGE_CELLS.length - 1));
    } else {
      found += chunk.toString('utf8');
    }
    if (found !== null && MERGE_END.test(found)) break;
  }
  if (found === null) return [];
  return [...found.matchAll(MERGE_REF)].map(([, from, to]) => {
    const [top, left] = cellAt(from!);
    const [bottom, right] = cellAt(to ?? from!);
    return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
  });
}

/** "AB12" → [12, 28]. */
function cellAt(ref: string): [row: number, column: number] {
  const letters = /^[A-Za-z]+/.exec(ref)![0].toUpperCase();
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return [Number(ref.slice(letters.length)), column];
}

/**
 * A part's text, decoded across chunk boundaries. exceljs decodes each inflated chunk on its own, so
 * a character whose bytes a boundary splits became two U+FFFD (21 of 20,000 Vietnamese names in a
 * test sheet): every part goes to its parsers as text instead.
 */
async function* utf8Chunks(entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** A part as a stream of text, for exceljs' parsers that listen for 'data'. */
function textOf(entry: ZipEntry): NodeJS.ReadableStream {
  return Readable.from(utf8Chunks(entry));
}

/** The most XML an inline string held back may take: past it (no real cell), it goes on as it is. */
const MAX_INLINE_XML = 1 << 20;
const INLINE_STRING = /<is>([\s\S]*?)<\/is>/g;
// Self-closing forms too (<rPh …/>, <t xml:space="preserve"/>): their `/` must not start a match
// that runs on to the next element's close.
const PHONETIC_RUN = /<rPh\b(?:[^>]*?\/>|[\s\S]*?<\/rPh>)/g;
const RUN_TEXT = /<t(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/t>)/g;

/**
 * A sheet's XML with each rich inline string (`<is>` made of runs `<r><t>…</t></r>`, what streaming
 * writers such as POI's give formatted text) made one plain `<t>`: exceljs keeps only the last run
 * of one ("Phạm <b>Minh</b>" read as "Minh"). Phonetic runs (`<rPh>`) are not the cell's text.
 * An inline string cut by a chunk boundary is held back until it is whole.
 */
async function* joinInlineRuns(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + chunk;
    let cut = text.length;
    const open = text.lastIndexOf('<is>');
    // Held back whole, up to what a cell can hold (32,767 characters, their runs' tags around them).
    if (open >= 0 && text.indexOf('</is>', open) < 0 && text.length - open < MAX_INLINE_XML) cut = open;
    else {
      const tag = text.lastIndexOf('<');
      if (tag >= 0 && text.indexOf('>', tag) < 0) cut = tag; // "<i" of an "<is>" the next chunk ends
    }
    carry = text.slice(cut);
    const whole = text.slice(0, cut);
    if (whole !== '') yield joinRuns(whole);
  }
  if (carry !== '') yield joinRuns(carry);
}

function joinRuns(xml: string): string {
  if (!xml.includes('<r>') && !xml.includes('<r ')) return xml;
  return xml.replace(INLINE_STRING, (whole: string, body: string) => {
    if (!body.includes('<r>') && !body.includes('<r ')) return whole;
    const texts = [...body.replace(PHONETIC_RUN, '').matchAll(RUN_TEXT)].map((m) => m[1] ?? '');
    return `<is><t xml:space="preserve">${texts.join('')}</t></is>`;
  });
}
