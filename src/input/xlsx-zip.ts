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
// they are fed in is ours. A file with no central directory (cut short) fails to open, as it should.

import ExcelJS from 'exceljs';
import unzipper from 'unzipper';

export type WorkbookReaderOptions = Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>;

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
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  parse(): AsyncGenerator<unknown>;
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** A WorkbookReader over the file at `path` whose sheets come in tab order, none lost. */
export function openWorkbookReader(path: string, options: WorkbookReaderOptions): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, options);
  const parts = reader as unknown as ReaderParts;
  parts.parse = async function* parse() {
    const byPath = await readWorkbookPart(path, parts);
    const part = (name: string) => byPath.get(name)?.stream();
    const strings = part('xl/sharedStrings.xml');
    if (strings) yield* parts._parseSharedStrings(strings);
    const styles = part('xl/styles.xml');
    if (styles) await parts._parseStyles(styles);
    for (const sheetNo of sheetOrder(parts, [...byPath.keys()])) {
      yield* parts._parseWorksheet(byPath.get(`xl/worksheets/sheet${sheetNo}.xml`)!.stream() as AsyncIterable<unknown>, sheetNo);
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
  if (rels) await parts._parseRels(rels.stream());
  for (const rel of parts.workbookRels ?? []) {
    const file = rel.Target.slice(rel.Target.lastIndexOf('/') + 1);
    if (SHEET_PART.test(`xl/worksheets/${file}`)) rel.Target = `worksheets/${file}`;
  }
  const workbook = byPath.get('xl/workbook.xml');
  if (workbook) await parts._parseWorkbook(workbook.stream());
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
