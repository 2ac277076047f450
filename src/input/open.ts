import { dialectOf, isDefaultDialect, type DialectSettings } from './dialect.js';
import { openDialectCsvReader } from './dialect-csv.js';
import { fastCsvApplies, openFastCsvReader } from './fast-csv.js';
import { openJsonArrayReader, openNdjsonReader } from './json.js';
import { splitSheetPath } from './sheet-path.js';
import { tableFileKind } from './table-magic.js';
import { DEFAULT_MAX_FIELD_SIZE } from './limits.js';
import type { ProblemSink } from './problems.js';
import type { TableReader } from './reader.js';
import { detectFormat, sniffDelimiter } from './sniff.js';
import { openTextSource, type SourceStats } from './source.js';

/** `auto`: the byte scanner where it applies (UTF-8, a one-byte delimiter), else csv-parse; `csv-parse`: always csv-parse. */
export type CsvReaderChoice = 'auto' | 'csv-parse';

export interface ReadOptions {
  /** Forces the CSV delimiter instead of sniffing it. */
  delimiter?: string;
  /** Encoding label for files without a BOM (default UTF-8). */
  encoding?: string;
  /** Largest row read, in bytes (JSON: characters); default DEFAULT_MAX_FIELD_SIZE. */
  maxFieldSize?: number;
  /** Which CSV reader (default auto); the command line sets it from DQC_CSV_READER, to compare the two. */
  csvReader?: CsvReaderChoice;
  /** Quote, escape, spaces after the delimiter, header (default: `"`, `""`, kept, a header). */
  dialect?: DialectSettings;
  /** A workbook's sheet, by name or 1-based number (default: the first that has a row). */
  sheet?: string;
  /** A workbook's header row, as Excel numbers it (default: found). */
  headerRow?: number;
  /** How many of the pack's fields a row would bind as a header: a workbook's header is the first row that binds them. */
  headerScore?: (cells: readonly string[]) => number;
}

export interface OpenedInput {
  reader: TableReader;
  stats: SourceStats;
}

/** Opens any supported input (CSV/TSV, JSON array, NDJSON; gzip or not; Parquet; an Excel workbook's sheet) as a table of rows. */
export async function openInput(path: string, options: ReadOptions, report: ProblemSink): Promise<OpenedInput> {
  // Parquet and workbooks are known by their first bytes, whatever the name; their readers (and
  // hyparquet, exceljs) are loaded only then.
  // `book.xlsx!Sheet` names one sheet of a workbook (input/sheet-path.ts).
  const { file, sheet: named } = splitSheetPath(path);
  const table = await tableFileKind(file);
  if (table === 'parquet') return (await import('./parquet.js')).openParquetReader(path, report);
  if (table === 'xlsx') {
    const { headerRow, headerScore } = options;
    const sheet = named ?? (options.sheet === '*' ? undefined : options.sheet);
    const opened = await (await import('./xlsx.js')).openXlsxReader(file, { ...(sheet !== undefined && { sheet }), ...(headerRow !== undefined && { headerRow }), ...(headerScore && { headerScore }) }, report);
    // The input is called as it was named: the sheet's path when a sheet was named.
    opened.stats.path = path;
    return opened;
  }
  const source = await openTextSource(path, options.encoding);
  const format = detectFormat(path, source.head);
  const maxFieldSize = options.maxFieldSize ?? DEFAULT_MAX_FIELD_SIZE;
  let reader: TableReader;
  if (format === 'json') reader = await openJsonArrayReader(source, report, maxFieldSize);
  else if (format === 'ndjson') reader = await openNdjsonReader(source, report, maxFieldSize);
  else {
    const delimiter = options.delimiter ?? sniffDelimiter(path, source.head);
    const dialect = dialectOf(options.dialect);
    if (!isDefaultDialect(dialect)) {
      const reader = await openDialectCsvReader(source, delimiter, dialect, report, maxFieldSize);
      return { reader, stats: source.stats };
    }
    // UTF-8 with a one-byte delimiter takes the byte scanner, which reads exactly as csv-parse
    // does (test/input/fast-csv.test.ts); csvReader 'csv-parse' forces csv-parse, to compare.
    const fast = fastCsvApplies(source, delimiter) && options.csvReader !== 'csv-parse';
    // csv-parse is loaded only when it reads (another encoding, a long delimiter, or asked for).
    const open = fast ? openFastCsvReader : (await import('./csv.js')).openCsvReader;
    reader = await open(source, delimiter, report, maxFieldSize);
  }
  return { reader, stats: source.stats };
}
