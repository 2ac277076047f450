// same-person's `save_model` and `model` options through the library API: the model is written
// atomically beside the pack, read back (paths relative to the pack), and a missing or malformed
// model file is a problem of the pack, found before any data is read.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, DqcError, type Finding } from '../../src/index.js';
import { resolvePacks } from '../../src/pack/resolve.js';

const HEADER = 'ho_ten,ngay_sinh,gioi_tinh,so_dinh_danh';
const ROWS = [
  'Nguyễn Văn An,01/02/1990,Nam,001090012345',
  'Nguyen Van An,01/02/1990,Nam,',
  'Trần Thị Bích,15/08/1995,Nữ,',
  'Tran Thi Bich,15/08/1995,Nữ,',
  'Lê Văn Long,05/05/1988,Nam,001088012345',
];

function pack(options: Record<string, unknown>): string {
  return JSON.stringify({
    name: 'model-file',
    columns: {
      full_name: { aliases: ['ho_ten'] },
      date_of_birth: { aliases: ['ngay_sinh'], format: 'dd/MM/yyyy' },
      sex: { aliases: ['gioi_tinh'] },
      id_number: { aliases: ['so_dinh_danh'] },
    },
    rules: [{ id: 'same-person', check: 'same-person', columns: ['full_name', 'date_of_birth', 'sex', 'id_number'], severity: 'warning', options }],
  });
}

describe('same-person model files', () => {
  let dir: string;
  let csv: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dqc-sp-model-'));
    csv = join(dir, 'register.csv');
    writeFileSync(csv, [HEADER, ...ROWS].join('\n') + '\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function findings(packPath: string): Promise<Finding[]> {
    const found: Finding[] = [];
    await check([csv], { packs: [packPath], sample: 0, onFinding: (f: Finding) => found.push(f) });
    return found.filter((f) => f.code === 'same-person/same-person');
  }

  it('writes the model it used beside the pack (a relative path), and reading it back gives the same links', async () => {
    const saving = join(dir, 'save.json');
    writeFileSync(saving, pack({ save_model: 'models-out.json' }));
    const first = await findings(saving);
    expect(first.map((f) => [f.row, f.data.keep_row])).toEqual([
      [2, 1],
      [4, 3],
    ]);
    const saved = JSON.parse(readFileSync(join(dir, 'models-out.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ format: 'dqc-same-person-model', version: 1, rows: 5 });
    expect(Object.keys(saved.fields as object)).toEqual(['given', 'family', 'middle', 'dob', 'sex', 'id', 'place', 'phone']);
    // no temp file left beside it
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);

    const reading = join(dir, 'read.json');
    writeFileSync(reading, pack({ model: 'models-out.json' }));
    const again = await findings(reading);
    expect(again.map((f) => [f.row, f.data.keep_row, f.data.score, f.data.why])).toEqual(first.map((f) => [f.row, f.data.keep_row, f.data.score, f.data.why]));
  });

  it('explains each link in both languages, with the match probability as confidence', async () => {
    const path = join(dir, 'plain.json');
    writeFileSync(path, pack({}));
    const [link] = await findings(path);
    // 'An' has no diacritic to lose: the given name is equal; Nguyễn / Nguyen is equal without them
    expect(link!.data.why).toMatch(/^given name equal [+−][\d.]+, family name equal without diacritics [+−][\d.]+, .* prior −[\d.]+ → [01]\.\d\d$/);
    expect(link!.data.why_vi).toMatch(/^tên trùng [+−][\d,]+, họ trùng khi bỏ dấu [+−][\d,]+, .* tiên nghiệm −[\d,]+ → [01],\d\d$/);
    expect(link!.fix!.confidence).toBe(link!.data.score);
  });

  it('refuses a missing or malformed model file as a problem of the pack', () => {
    const missing = join(dir, 'missing.json');
    writeFileSync(missing, pack({ model: 'no-such-model.json' }));
    const bad = join(dir, 'bad.json');
    writeFileSync(join(dir, 'bad-model.json'), JSON.stringify({ format: 'dqc-same-person-model', version: 1, prior: 0.5, rows: 10, fields: {} }));
    writeFileSync(bad, pack({ model: 'bad-model.json' }));
    for (const [path, message] of [
      [missing, /cannot read the model .*no-such-model\.json: ENOENT/],
      [bad, /not a same-person model: field "given" is missing/],
    ] as const) {
      let error: unknown;
      try {
        resolvePacks([path]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DqcError);
      expect((error as DqcError).code).toBe('DQC_PACK_INVALID');
      const [detail] = (error as DqcError).details as unknown as { path: string; key: string; data: { reason: string } }[];
      expect(detail).toMatchObject({ path: '/rules/0/options', key: 'pack.check-setup' });
      expect(detail!.data.reason).toMatch(message);
    }
    expect(existsSync(join(dir, 'no-such-model.json'))).toBe(false);
  });
});
