import { describe, expect, it } from 'vitest';
import { DqcError } from '../../src/errors.js';
import type { ProblemSummary } from '../../src/input/problems.js';
import { bindColumns, parseColumnOverrides } from '../../src/pack/bind.js';
import { openBound } from '../../src/pack/bound-input.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import type { ResolvedPack } from '../../src/pack/types.js';
import { writeTemp } from '../hostile/support.js';

// Header drift (item 5 of issue 14): a column the packs do not know and a field the file lacks are
// input problems at the severity the pack sets; a pack cannot declare a field twice or let two
// fields claim one header; a pack of no fields checks a file's structure only.

function refusal(run: () => unknown): DqcError {
  try {
    run();
  } catch (error) {
    if (error instanceof DqcError) return error;
    throw error;
  }
  throw new Error('accepted');
}

async function problemsOf(csv: string, pack: ResolvedPack, overrides: Record<string, string> = {}): Promise<ProblemSummary[]> {
  const input = await openBound(writeTemp('drift.csv', csv), { columns: pack.columns, overrides, structure: pack.structure });
  for await (const row of input.reader.rows()) void row;
  return input.problems.summaries();
}

const brief = (summaries: ProblemSummary[]) =>
  summaries.map((s) => `${s.code} ${s.severity} ${s.samples.map((x) => x.column ?? x.data.field).join('|')}`);

const PACK = { name: 'p', columns: { id_number: { aliases: ['so_dinh_danh'] }, full_name: { aliases: ['ho_ten'] }, sex: { aliases: ['gioi_tinh'] } } };
const pack = (extra: object = {}) => resolvePacks([writeTemp('p.json', JSON.stringify({ ...PACK, ...extra }))]);

describe('unknown and missing columns', () => {
  it('are warnings by default, each named, and the pack says so in `dqc pack`', async () => {
    const resolved = pack();
    expect(resolved.structure).toEqual({ unknown_columns: 'warning', missing_columns: 'warning' });
    const problems = await problemsOf('STT,so_dinh_danh,Ho va ten,ho_ten\n1,001090000001,x,Nguyễn Văn A\n', resolved);
    expect(brief(problems)).toEqual(['header/unknown-column warning STT|Ho va ten', 'header/missing-column warning sex']);
    expect(problems[0]!.samples[0]).toMatchObject({ line: 1, row: null, column: 'STT', data: { name: 'STT', position: 1 } });
    expect(problems[1]!.samples[0]!.data).toEqual({ field: 'sex', names: 'sex, gioi_tinh' });
  });

  it('take the severity the pack sets (error makes the gate strict), and off silences them', async () => {
    const strict = pack({ structure: { unknown_columns: 'error', missing_columns: 'info' } });
    expect(brief(await problemsOf('STT,so_dinh_danh,ho_ten\n1,2,3\n', strict))).toEqual([
      'header/unknown-column error STT',
      'header/missing-column info sex',
    ]);
    const quiet = pack({ structure: { unknown_columns: 'off', missing_columns: 'off' } });
    expect(await problemsOf('STT,so_dinh_danh,ho_ten\n1,2,3\n', quiet)).toEqual([]);
  });

  it('the last pack that gives a setting wins, field by field', () => {
    const base = writeTemp('base.json', JSON.stringify({ ...PACK, structure: { unknown_columns: 'error', missing_columns: 'off' } }));
    const top = writeTemp('top.json', JSON.stringify({ name: 'top', extends: base, structure: { missing_columns: 'error' } }));
    expect(resolvePacks([top]).structure).toEqual({ unknown_columns: 'error', missing_columns: 'error' });
  });

  it('a blank or repeated header is reported as that, not again as unknown; a file that binds nothing only as that', async () => {
    const problems = await problemsOf('so_dinh_danh,,ho_ten,ho_ten,gioi_tinh\n1,2,3,4,5\n', pack());
    expect(brief(problems)).toEqual(['header/blank warning column_2', 'header/duplicate warning ho_ten_2']);
    expect(brief(await problemsOf('a,b\n1,2\n', pack()))).toEqual(['header/nothing-bound error ']);
  });

  it('a --column naming a missing header is reported once, as that; the header it replaced is unknown', async () => {
    const problems = await problemsOf('so_dinh_danh,ho_ten,gioi_tinh\n1,2,3\n', pack(), { full_name: 'Tên đầy đủ' });
    expect(brief(problems)).toEqual(['header/override-missing error Tên đầy đủ', 'header/unknown-column warning ho_ten']);
  });

  it('the shipped vn-population pack reports unknown columns, and leaves missing ones to the skipped rules', async () => {
    const shipped = resolvePacks(['vn-population']);
    expect(shipped.structure).toEqual({ unknown_columns: 'warning', missing_columns: 'off' });
    expect(brief(await problemsOf('STT,so_dinh_danh,ho_ten\n1,001090000001,Nguyễn Văn A\n', shipped))).toEqual(['header/unknown-column warning STT']);
  });

  it('are not reported where the caller gives no structure (a pack built by hand, a reference extract)', async () => {
    const resolved = pack();
    const input = await openBound(writeTemp('x.csv', 'STT,so_dinh_danh\n1,2\n'), { columns: resolved.columns });
    expect(input.problems.summaries()).toEqual([]);
  });
});

describe('a pack of no fields checks structure only', () => {
  it('the shipped structure pack has no column and no rule, and binds nothing without complaint', async () => {
    const structure = resolvePacks(['structure']);
    expect(structure.columns).toEqual({});
    expect(structure.rules).toEqual([]);
    expect(await problemsOf('any,header\n1,2\n', structure)).toEqual([]);
    expect(brief(await problemsOf('a,,a\n1,2\n', structure))).toEqual([
      'header/blank warning column_2',
      'header/duplicate warning a_2',
      'row/inconsistent-columns error ',
    ]);
  });
});

describe('a field is declared once, and a header binds one field', () => {
  it('refuses a JSON pack that gives one field twice, at the second one', () => {
    const file = writeTemp('twice.json', '{\n  "name": "twice",\n  "columns": {\n    "full_name": { "aliases": ["ho_ten"] },\n    "full_name": { "aliases": ["ten"] }\n  }\n}\n');
    const error = refusal(() => resolvePacks([file]));
    expect(error.code).toBe('DQC_PACK_INVALID');
    expect(error.details).toEqual([
      expect.objectContaining({ path: '/columns/full_name', key: 'pack.duplicate-key', line: 5, column: 5, data: { key: 'full_name', first: 4 } }),
    ]);
  });

  it('refuses a YAML pack that gives one field twice, with its other problems', () => {
    const file = writeTemp('twice.yaml', 'name: twice\ncolumns:\n  full_name: { aliases: [ho_ten] }\n  full_name: {}\nrules:\n  - id: r\n    check: nope\n    column: full_name\n');
    const error = refusal(() => resolvePacks([file]));
    expect(error.code).toBe('DQC_PACK_INVALID');
    expect(error.details.map((d) => [d.key, d.line])).toEqual([
      ['pack.duplicate-key', 4],
      ['pack.unknown-check', 7],
    ]);
  });

  it('refuses two fields of one pack whose names or aliases are one header, at the later one', () => {
    const file = writeTemp(
      'shared.json',
      JSON.stringify({ name: 'shared', columns: { full_name: { aliases: ['Họ tên'] }, name: { aliases: ['HO_TEN'] }, ten: { aliases: ['name'] } } }, null, 2),
    );
    const error = refusal(() => resolvePacks([file]));
    expect(error.details.map((d) => [d.path, d.key, d.data.field, d.data.other, d.line])).toEqual([
      ['/columns/name/aliases/0', 'pack.shared-header', 'full_name', 'name', 11],
      ['/columns/ten/aliases/0', 'pack.shared-header', 'name', 'ten', 16],
    ]);
  });

  it('refuses a pack that gives a field of an extended pack\'s name to another field, in the pack that does', () => {
    const config = writeTemp('dqc.config.yaml', 'name: mine\nextends: vn-population\ncolumns:\n  ten:\n    aliases: [Ho ten]\n');
    const error = refusal(() => resolvePacks([config]));
    expect(error.details).toEqual([
      expect.objectContaining({ path: '/columns/ten/aliases/0', key: 'pack.shared-header', data: { field: 'full_name', other: 'ten', header: 'Ho ten' }, line: 5 }),
    ]);
  });

  it('merges a field that a later pack declares again (aliases added): that is how a config extends a pack', () => {
    const config = writeTemp('dqc.config.json', JSON.stringify({ name: 'mine', extends: 'vn-population', columns: { full_name: { aliases: ['Họ và tên khai sinh'] } } }));
    expect(resolvePacks([config]).columns.full_name?.aliases).toEqual(expect.arrayContaining(['ho_ten', 'Họ và tên khai sinh']));
  });

  it('refuses two --column bindings of one header', () => {
    const columns = pack().columns;
    const error = refusal(() => parseColumnOverrides(['full_name=Họ tên', 'sex=HO TEN'], columns));
    expect(error.code).toBe('DQC_USAGE');
    expect(error.details[0]).toMatchObject({ path: '--column', key: 'pack.override-shared', data: { field: 'full_name', header: 'Họ tên', other: 'sex', otherHeader: 'HO TEN' } });
  });

  it('a header named by --column is not bound to another field by its alias too', () => {
    const columns = pack().columns;
    const bound = bindColumns(['so_dinh_danh', 'ho_ten', 'x'], columns, { id_number: 'ho_ten' });
    expect([...bound]).toEqual([['id_number', 1]]);
  });
});
