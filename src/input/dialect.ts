/**
 * How a CSV file writes its fields, beyond the delimiter: the quote character, the escape
 * character inside quoted fields (the quote itself: `""`), whether spaces after a delimiter belong
 * to the value, and whether the first record is a header.
 */
export interface CsvDialect {
  quote: string;
  escape: string;
  /** Spaces (U+0020 only) at the start of a field are not part of the value; a quote after them opens a quoted field. */
  skipInitialSpace: boolean;
  /** The first record names the columns; without one they are `column_1`, `column_2` … */
  header: boolean;
}

export const DEFAULT_DIALECT: CsvDialect = { quote: '"', escape: '"', skipInitialSpace: false, header: true };

/** A dialect as given: any part left out is the default's (an escape left out is the quote). */
export interface DialectSettings {
  quote?: string;
  escape?: string;
  skipInitialSpace?: boolean;
  header?: boolean;
}

export function dialectOf(settings: DialectSettings | undefined): CsvDialect {
  const quote = settings?.quote ?? DEFAULT_DIALECT.quote;
  return {
    quote,
    escape: settings?.escape ?? quote,
    skipInitialSpace: settings?.skipInitialSpace ?? false,
    header: settings?.header ?? true,
  };
}

export function isDefaultDialect(d: CsvDialect): boolean {
  return d.quote === '"' && d.escape === '"' && !d.skipInitialSpace && d.header;
}

/** Names of the columns of a file without a header: by position, from 1. */
export function positionalHeader(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `column_${i + 1}`);
}
