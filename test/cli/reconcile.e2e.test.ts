import { Ajv } from 'ajv';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';

interface Expected {
  rule: string;
  code: string;
  file: 'local' | 'reference';
  row: number;
  column: string;
  action: string;
  proposed?: string;
  confidence: number;
  expectComplete?: true;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures/reconcile.manifest.json'), 'utf8')) as {
  asOf: string;
  local: string;
  reference: string;
  expected: Expected[];
};
const validateReport = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  JSON.parse(readFileSync(join(ROOT, 'rules/report.schema.json'), 'utf8')) as object,
);
const PAIR = [manifest.local, '--reference', manifest.reference, '--as-of', manifest.asOf];

type Sample = { file: string; row: number; column: string; code: string; fix?: { action: string; value?: string; confidence: number } };
type Rule = { id: string; samples: Sample[] };

/** Every finding of a report in the manifest's terms. */
function found(report: { rules?: unknown }): string[] {
  return (report.rules as Rule[]).flatMap((rule) =>
    rule.samples.map((s) =>
      key({
        rule: rule.id,
        code: s.code,
        file: s.file === manifest.local ? 'local' : 'reference',
        row: s.row,
        column: s.column,
        action: s.fix?.action ?? 'none',
        proposed: s.fix?.action === 'set' ? s.fix.value : undefined,
        confidence: s.fix?.confidence ?? -1,
      }),
    ),
  );
}

function key(e: Expected): string {
  return `${e.file} row ${e.row} ${e.rule} ${e.code} ${e.column}: ${e.action}${e.proposed === undefined ? '' : ` ${JSON.stringify(e.proposed)}`} (${e.confidence})`;
}

describe('dqc reconcile on the fixture pair (fixtures/reconcile-*.csv)', () => {
  it('reports exactly the planted cases, each on its row with its fix, and fails the gate', () => {
    const { code, report } = dqcJson(['reconcile', ...PAIR, '--sample', '1000']);
    expect(code).toBe(1);
    expect(found(report).sort()).toEqual(manifest.expected.filter((e) => !e.expectComplete).map(key).sort());
    expect(report.rules.map((r: Rule) => r.id)).not.toContain('missing-locally');
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it('with --expect-complete also reports the reference people missing from the export', () => {
    const { code, report } = dqcJson(['reconcile', ...PAIR, '--sample', '1000', '--expect-complete']);
    expect(code).toBe(1);
    expect(found(report).sort()).toEqual(manifest.expected.map(key).sort());
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it('plants every kind of finding, and proposes the right ID for a typo found by name and date of birth', () => {
    const codes = new Set(manifest.expected.map((e) => e.code));
    for (const code of [
      'field-mismatch', 'field-missing', 'death-unconfirmed', 'another-person', 'not-in-reference', 'key-blank',
      'reference-key-blank', 'deceased-in-reference', 'duplicate-key-local', 'duplicate-key-reference', 'missing-locally',
    ]) {
      expect(codes.has(`reconcile/${code}`), code).toBe(true);
    }
    const typo = manifest.expected.find((e) => e.code === 'reconcile/not-in-reference' && e.action === 'set' && e.confidence === 0.9);
    expect(typo?.proposed).toMatch(/^\d{12}$/);
    const local = readFileSync(join(ROOT, manifest.local), 'utf8').split('\n');
    const typed = local[typo!.row]!.split(',')[0]!;
    expect(typed).not.toBe(typo!.proposed);
    expect([...typed].filter((d, i) => d !== typo!.proposed![i]).length).toBe(1);
    expect(readFileSync(join(ROOT, manifest.reference), 'utf8')).toContain(`${typo!.proposed},`);
  });

  it('scores every kind under its dimension and counts rows, not findings', () => {
    const { report } = dqcJson(['reconcile', ...PAIR, '--expect-complete']);
    const rule = (id: string) => report.rules.find((r: { id: string }) => r.id === id);
    expect(rule('field-mismatch')).toMatchObject({ dimension: 'true', severity: 'error', status: 'failed' });
    expect(Object.keys(rule('field-mismatch').failedByDimension).sort()).toEqual(['sufficient', 'true']);
    expect(rule('deceased-in-reference')).toMatchObject({ dimension: 'alive', failed: 1 });
    expect(rule('duplicate-key-reference')).toMatchObject({ dimension: 'clean', severity: 'warning', failed: 1 });
    expect(rule('missing-locally')).toMatchObject({ dimension: 'sufficient', failed: 7 });
    const localRows = report.inputs[0].rows;
    expect(rule('key-blank').evaluated).toBe(localRows + report.inputs[1].rows);
    expect(report.inputs.map((i: { path: string }) => i.path)).toEqual([manifest.local, manifest.reference]);
    expect(report.inputs[1].bound).toMatchObject({ id_number: 'SO_DINH_DANH', date_of_birth: 'NGAY_SINH', date_of_death: 'NGAY_CHET' });
  });

  it('writes the proposed fixes as a fix list (--fixes), one record per finding, with the row key', () => {
    const dir = tempDir();
    const out = join(dir, 'fixes.csv');
    const { code } = dqc(['reconcile', ...PAIR, '--fixes', out, '--quiet']);
    expect(code).toBe(1);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('fix_id,file,row,key,column,action,current_value,proposed_value,rule,dimension,confidence,reason');
    expect(lines.length - 1).toBe(manifest.expected.filter((e) => !e.expectComplete).length);
    const typo = manifest.expected.find((e) => e.code === 'reconcile/not-in-reference' && e.action === 'set' && e.confidence === 0.9)!;
    const record = lines.find((l) => l.includes(`,${typo.row},`) && l.includes('not-in-reference'))!;
    expect(record).toContain(`,so_dinh_danh,set,`);
    expect(record).toContain(`,${typo.proposed},not-in-reference,true,0.9,`);

    const jsonl = join(dir, 'fixes.jsonl');
    dqc(['reconcile', ...PAIR, '--fixes', jsonl, '--quiet', '--lang', 'vi']);
    const records = readFileSync(jsonl, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const name = records.find((r) => r.rule === 'field-mismatch' && r.column === 'ho_ten')!;
    const planted = manifest.expected.find((e) => e.column === 'ho_ten')!;
    expect(name).toMatchObject({ file: manifest.local, row: planted.row, action: 'set', proposed_value: planted.proposed, confidence: 1 });
    expect(String(name.reason)).toContain('trong dữ liệu đối chiếu là');
  });

  it('prints the console report in Vietnamese', () => {
    const { code, stdout } = dqc(['reconcile', ...PAIR, '--lang', 'vi']);
    expect(code).toBe(1);
    expect(stdout).toContain('không có trong dữ liệu đối chiếu');
    expect(stdout).toContain('Không đạt yêu cầu');
  });
});

describe('dqc reconcile exit codes', () => {
  const pair = (local: string[], reference: string[]) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'local.csv'), local.join('\n') + '\n');
    writeFileSync(join(dir, 'ref.csv'), reference.join('\n') + '\n');
    return dir;
  };

  it('exits 0 when the export agrees with the reference', () => {
    const dir = pair(['so_dinh_danh,ho_ten,ngay_sinh', '001085012345,Nguyễn Văn An,12/03/1985'], ['so_dinh_danh,ho_ten,ngay_sinh', '001085012345,NGUYỄN VĂN AN,1985-03-12']);
    const { code, report } = dqcJson(['reconcile', 'local.csv', '--reference', 'ref.csv'], { cwd: dir });
    expect(code).toBe(0);
    expect(report.summary.findings).toBe(0);
  });

  it('exits 1 on a warning only with --fail-on warning', () => {
    const dir = pair(['so_dinh_danh,ho_ten', '001085012345,An'], ['so_dinh_danh,ho_ten', '001085012345,An', '001085012345,An']);
    expect(dqc(['reconcile', 'local.csv', '--reference', 'ref.csv'], { cwd: dir }).code).toBe(0);
    expect(dqc(['reconcile', 'local.csv', '--reference', 'ref.csv', '--fail-on', 'warning'], { cwd: dir }).code).toBe(1);
  });

  it.each([
    [['reconcile', 'local.csv'], /--reference <file> is required/],
    [['reconcile', 'local.csv', '--reference', 'nowhere.csv'], /No input matches nowhere\.csv/],
    [['reconcile', 'local.csv', '--reference', 'local.csv'], /local\.csv is both an input and the reference/],
    [['reconcile', 'local.csv', '--reference', 'ref.csv', '--key', 'passport'], /--key names field "passport", which no pack declares/],
    [['reconcile', 'local.csv', '--reference', 'noid.csv'], /No column of noid\.csv is bound to the key field id_number \(columns: ma, ten\); use --reference-column id_number=Header \(at noid\.csv:1\)/],
    [['reconcile', 'local.csv', '--reference', 'ref.csv', '--fixes', 'out.txt'], /--fixes/],
  ])('exits 2 with a clear message and no stack trace: %j', (args, message) => {
    const dir = pair(['so_dinh_danh,ho_ten', '001085012345,An'], ['so_dinh_danh,ho_ten', '001085012345,An']);
    writeFileSync(join(dir, 'noid.csv'), 'ma,ten\n1,An\n');
    const { code, stdout, stderr } = dqc(args, { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('says it in Vietnamese too', () => {
    const dir = pair(['ma,ten', '1,An'], ['so_dinh_danh,ho_ten', '001085012345,An']);
    const { code, stderr } = dqc(['reconcile', 'local.csv', '--reference', 'ref.csv', '--lang', 'vi'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('Không cột nào của local.csv được gắn với trường khóa id_number');
    expect(stderr).toContain('--column id_number=TênCột');
  });

  it('exits 2 when the reference cannot be read to its end (an unclosed quote), with the report still printed', () => {
    const dir = pair(['so_dinh_danh,ho_ten', '001085012345,An'], ['so_dinh_danh,ho_ten', '001085012345,An', '001085012346,"Bình']);
    const { code, report } = dqcJson(['reconcile', 'local.csv', '--reference', 'ref.csv'], { cwd: dir });
    expect(code).toBe(2);
    expect(report.inputs[1]).toMatchObject({ path: 'ref.csv', complete: false });
  });

  it('documents itself in --help', () => {
    const { code, stdout } = dqc(['reconcile', '--help']);
    expect(code).toBe(0);
    for (const option of ['--reference', '--key', '--expect-complete', '--reference-column', '--fixes', '--format']) expect(stdout).toContain(option);
  });
});
