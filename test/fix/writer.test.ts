import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIX_FIELDS, type FixRecord } from '../../src/fix/model.js';
import { readFixList } from '../../src/fix/read-list.js';
import { FixIdAssigner, fixListFormatOf, openFixWriter } from '../../src/fix/writer.js';
import { tempDir } from '../support/cli.js';

type Rec = Omit<FixRecord, 'fix_id'>;

function record(overrides: Partial<Rec> = {}): Rec {
  return {
    file: 'exports/ho-khau.csv',
    row: 7,
    key: '001085012345',
    column: 'ho_ten',
    action: 'set',
    current_value: ' Nguyễn Văn An',
    proposed_value: 'Nguyễn Văn An',
    rule: 'name-whitespace',
    dimension: 'clean',
    confidence: 1,
    reason: 'full_name has leading spaces',
    ...overrides,
  };
}

const HOSTILE: Rec[] = [
  record(),
  record({ row: 8, current_value: '=HYPERLINK("http://evil.example","Bấm")', proposed_value: '=HYPERLINK("http://evil.example","Bấm")x', reason: '=cmd|\' /C calc\'!A0' }),
  record({ row: 9, column: 'so_dien_thoai', current_value: '+84912345678', proposed_value: '0912345678', rule: 'phone-valid', dimension: 'true', confidence: 0.95 }),
  record({ row: 10, column: 'so', current_value: '-5', proposed_value: "'-5", key: '@home', action: 'clear' }),
  record({ row: 11, action: 'merge_into', column: 'so_dinh_danh', current_value: '001085012345', proposed_value: '3', rule: 'id-unique' }),
  record({ row: null, action: 'review', column: '', current_value: 'a,b "c"\r\nd', proposed_value: '\tx', rule: 'reconcile' }),
];

async function writeList(path: string, records: readonly Rec[]): Promise<void> {
  const writer = openFixWriter(path, {});
  for (const r of records) writer.add(r);
  expect(writer.count).toBe(records.length);
  await writer.commit();
}

async function readAll(path: string) {
  const out = [];
  for await (const listed of readFixList(path)) out.push(listed);
  return out;
}

describe('fix list writer', () => {
  it('writes byte-identical lists for the same records, in CSV and in JSONL', async () => {
    const dir = tempDir();
    for (const ext of ['csv', 'jsonl']) {
      await writeList(join(dir, `a.${ext}`), HOSTILE);
      await writeList(join(dir, `b.${ext}`), HOSTILE);
      expect(readFileSync(join(dir, `a.${ext}`)).equals(readFileSync(join(dir, `b.${ext}`)))).toBe(true);
    }
  });

  it('gives CSV and JSONL the same fields in the same order, with the same content', async () => {
    const dir = tempDir();
    await writeList(join(dir, 'l.csv'), HOSTILE);
    await writeList(join(dir, 'l.jsonl'), HOSTILE);
    const csv = readFileSync(join(dir, 'l.csv'), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\ufeff${FIX_FIELDS.join(',')}`);
    const jsonl = readFileSync(join(dir, 'l.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(jsonl.map((r) => Object.keys(r))).toEqual(HOSTILE.map(() => [...FIX_FIELDS]));
    const fromCsv = (await readAll(join(dir, 'l.csv'))).map((l) => l.record);
    const fromJsonl = (await readAll(join(dir, 'l.jsonl'))).map((l) => l.record);
    expect(fromCsv).toEqual(jsonl);
    expect(fromJsonl).toEqual(jsonl);
    // and both are the records given, with ids added
    expect(jsonl.map(({ fix_id: _id, ...rest }) => rest)).toEqual(HOSTILE);
  });

  it('CSV: no cell a spreadsheet would open starts a formula (=HYPERLINK cannot run)', async () => {
    const dir = tempDir();
    await writeList(join(dir, 'l.csv'), HOSTILE);
    const rows = parse(readFileSync(join(dir, 'l.csv')), { bom: true }) as string[][];
    const cells = rows.flat();
    expect(cells.some((c) => c.includes('=HYPERLINK'))).toBe(true);
    for (const cell of cells) expect(['=', '+', '-', '@', '\t', '\r']).not.toContain(cell[0]);
  });

  it('JSONL records validate against rules/fix-record.schema.json', async () => {
    const dir = tempDir();
    await writeList(join(dir, 'l.jsonl'), HOSTILE);
    const schema = JSON.parse(readFileSync(resolve('rules/fix-record.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
    for (const line of readFileSync(join(dir, 'l.jsonl'), 'utf8').trimEnd().split('\n')) {
      expect(validate(JSON.parse(line)), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ ...JSON.parse(readFileSync(join(dir, 'l.jsonl'), 'utf8').split('\n')[0]!), action: 'delete' })).toBe(false);
  });

  it('round-trips any text values through CSV exactly (the Excel-safe apostrophe is undone)', async () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', ';', 'a', 'ệ', ' ') });
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(text, text, text, async (current, proposed, key) => {
        const path = join(dir, `p${n++}.csv`);
        const r = record({ current_value: current, proposed_value: proposed, key });
        await writeList(path, [r]);
        const [listed] = await readAll(path);
        expect(listed!.record).toMatchObject(r);
      }),
      { numRuns: 200 },
    );
  });

  it('is atomic: nothing at the target before commit, nothing at all after abort', async () => {
    const dir = tempDir();
    const path = join(dir, 'l.csv');
    const writer = openFixWriter(path, {});
    writer.add(record());
    expect(existsSync(path)).toBe(false);
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('chooses the format by extension and refuses others', () => {
    expect(fixListFormatOf('x/fixes.csv')).toBe('csv');
    expect(fixListFormatOf('fixes.JSONL')).toBe('jsonl');
    expect(fixListFormatOf('fixes.ndjson')).toBe('jsonl');
    expect(fixListFormatOf('fixes.XLSX')).toBe('xlsx');
    expect(() => fixListFormatOf('fixes.ods')).toThrow(expect.objectContaining({ code: 'DQC_USAGE' }));
  });
});

describe('fix ids', () => {
  it('are stable: they depend on file name, row, rule, column and action only', () => {
    const a = new FixIdAssigner().next(record());
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(new FixIdAssigner().next(record({ file: '/elsewhere/ho-khau.csv', reason: 'other text', proposed_value: 'x' }))).toBe(a);
    for (const change of [{ row: 8 }, { rule: 'x' }, { column: 'x' }, { action: 'clear' as const }, { file: 'other.csv' }]) {
      expect(new FixIdAssigner().next(record(change))).not.toBe(a);
    }
  });

  it('are unique in a list: a repeat gets -2, -3 …', () => {
    const ids = new FixIdAssigner();
    const first = ids.next(record());
    expect(ids.next(record())).toBe(`${first}-2`);
    expect(ids.next(record())).toBe(`${first}-3`);
  });

  it('stay unique over many records', () => {
    const ids = new FixIdAssigner();
    const seen = new Set<string>();
    for (let row = 1; row <= 50_000; row++) seen.add(ids.next(record({ row })));
    expect(seen.size).toBe(50_000);
  });
});
