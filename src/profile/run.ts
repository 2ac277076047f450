import { formatDay } from '../shared/dates.js';
import { TOOL_VERSION } from '../shared/version.js';
import { readFacts } from '../input/facts.js';
import type { ReadOptions } from '../input/open.js';
import { openBound } from '../pack/bound-input.js';
import type { ResolvedPack } from '../pack/types.js';
import { ColumnProfiler } from './column-profiler.js';
import { aliasBindings, assignFields, dateRoleOfField, fieldsNamedBy } from './fields.js';
import { PROFILE_VERSION, type ColumnProfile, type InputProfile, type Profile } from './model.js';

export interface ProfileOptions {
  /** Files to read, in order (globs already expanded). */
  inputs: readonly string[];
  /** The pack whose fields columns are bound to (aliases and field names). */
  pack: ResolvedPack;
  /** Top values kept per column. */
  top: number;
  /** Days since 1970-01-01 that dates are judged at (a date of birth is not in the future). */
  today: number;
  read?: ReadOptions;
  onProgress?: (rows: number) => void;
}

const PROGRESS_EVERY = 1 << 16;

async function profileInput(path: string, options: ProfileOptions, rowsSoFar: number): Promise<InputProfile> {
  // Columns are bound to fields by header and by values once every row is read (rebindInput).
  const input = await openBound(path, { columns: options.pack.columns, read: options.read }, { requireBinding: false });
  const { reader } = input;
  const profilers: ColumnProfiler[] = [];
  let rows = 0;
  for await (const row of reader.rows()) {
    // JSON keys that appear later add columns: blank in every earlier row.
    while (profilers.length < reader.header.length) {
      const profiler = new ColumnProfiler();
      for (let r = 0; r < rows; r++) profiler.add('');
      profilers.push(profiler);
    }
    for (let i = 0; i < profilers.length; i++) (profilers[i] as ColumnProfiler).add(row.text(i));
    rows++;
    if ((rowsSoFar + rows) % PROGRESS_EVERY === 0) options.onProgress?.(rowsSoFar + rows);
  }
  while (profilers.length < reader.header.length) {
    const profiler = new ColumnProfiler();
    for (let r = 0; r < rows; r++) profiler.add('');
    profilers.push(profiler);
  }

  const header = reader.header;
  const aliases = aliasBindings(header, options.pack.columns);
  const summaries = profilers.map((profiler, i) => {
    const name = header[i] ?? '';
    const named = [aliases.get(i), ...fieldsNamedBy(name)].map(dateRoleOfField).find((role) => role !== null) ?? null;
    return { name, summary: profiler.summarize(options.top, options.today, named) };
  });
  const columns: ColumnProfile[] = summaries.map(({ name, summary }, i) => ({ name, position: i + 1, ...summary, field: null }));
  const profile: InputProfile = {
    ...readFacts(path, reader, input.stats),
    problems: input.problems.summaries(),
    columns,
  };
  return rebindInput(profile, options.pack);
}

/** Profiles every input in one streaming pass each. Never prints, never exits. */
export async function runProfile(options: ProfileOptions): Promise<Profile> {
  const started = Date.now();
  const inputs: InputProfile[] = [];
  let rows = 0;
  for (const path of options.inputs) {
    const input = await profileInput(path, options, rows);
    rows += input.rows;
    inputs.push(input);
  }
  options.onProgress?.(rows);
  return {
    profileVersion: PROFILE_VERSION,
    tool: { name: 'dqc', version: TOOL_VERSION },
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    asOf: formatDay(options.today),
    settings: { top: options.top, packs: options.pack.packs },
    inputs,
  };
}

/**
 * The same profile with its columns bound to another pack's fields (the values do not change, only
 * which fields there are): how dqc init compares shipped packs without reading the file again.
 */
export function rebindInput(input: InputProfile, pack: ResolvedPack): InputProfile {
  const aliases = aliasBindings(
    input.columns.map((c) => c.name),
    pack.columns,
  );
  const fields = assignFields(input.columns.map((c) => ({ header: c.name, type: c.type, semantic: c.semantic })), pack.columns, aliases);
  return {
    ...input,
    columns: input.columns.map((column, i) => {
      const binding = fields[i];
      return { ...column, field: binding ? { name: binding.field, by: binding.by } : null };
    }),
  };
}
