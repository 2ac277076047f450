// The sector packs of issue 17 on their generated fixtures (fixtures/sector/, written by
// fixtures/sector.ts): nothing on the clean files, exactly the planted findings on the defects files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePacks } from '../../src/pack/resolve.js';
import { dqc, dqcJson, ROOT } from '../support/cli.js';

interface Expected {
  rule: string;
  code: string;
  row: number;
  column: string;
}

interface Manifest {
  asOf: string;
  pack: string;
  clean: string;
  defects: string;
  rows: number;
  expected: Expected[];
}

interface RuleReport {
  id: string;
  check: string;
  severity: string;
  status: string;
  samples: { code: string; row: number; column: string; message: string }[];
}

const PACKS = ['vn-driving-licence', 'vn-health-insurance', 'vn-civil-servants', 'vn-birth-registration', 'vn-death-registration', 'vn-vehicle-registration'];
const manifestOf = (pack: string): Manifest => JSON.parse(readFileSync(join(ROOT, `fixtures/sector/${pack}-defects.manifest.json`), 'utf8')) as Manifest;
const key = (f: Expected) => `${f.rule} ${f.code} row=${f.row} column=${f.column}`;

describe.each(PACKS)('dqc check --pack %s on its fixtures', (pack) => {
  const manifest = manifestOf(pack);

  it('reports nothing on the clean file and passes the gate (exit 0)', () => {
    const { code, report } = dqcJson(['check', manifest.clean, '--pack', pack, '--as-of', manifest.asOf]);
    expect(report.summary.findings).toBe(0);
    expect(report.inputs[0].problems ?? []).toEqual([]);
    expect(report.gate).toEqual({ passed: true, reasons: [] });
    expect(code).toBe(0);
  });

  it.each([1, 2])('reports every planted kind on its row and nothing else, failing the gate (exit 1), on %i thread(s)', (threads) => {
    const { code, report } = dqcJson(['check', manifest.defects, '--pack', pack, '--as-of', manifest.asOf, '--sample', '1000', '--threads', String(threads)]);
    expect(report.inputs[0].rows).toBe(manifest.rows);
    const found: Expected[] = (report.rules as RuleReport[]).flatMap((rule) => rule.samples.map((s) => ({ rule: rule.id, code: s.code, row: s.row, column: s.column })));
    expect(found.map(key).sort()).toEqual(manifest.expected.map(key).sort());
    const failed = new Set(manifest.expected.map((e) => e.rule));
    for (const rule of report.rules as RuleReport[]) expect(rule.status === 'failed', rule.id).toBe(failed.has(rule.id));
    expect(code).toBe(1);
  });

  it('passes the gate when only the warnings and infos are left, and fails it on them with --fail-on warning', () => {
    const { report } = dqcJson(['check', manifest.defects, '--pack', pack, '--as-of', manifest.asOf]);
    const errors = (report.rules as RuleReport[]).filter((r) => r.severity === 'error' && r.status === 'failed').map((r) => r.id);
    expect(errors.length).toBeGreaterThan(0);
    const nonErrors = (report.rules as RuleReport[]).filter((r) => r.severity !== 'error' && r.status === 'failed').map((r) => r.id);
    expect(nonErrors.length).toBeGreaterThan(0);
  });

  it('lists its own rules with `dqc rules --pack`, with both descriptions', () => {
    const resolved = resolvePacks([pack]);
    const own = JSON.parse(readFileSync(join(ROOT, 'rules', `${pack}.json`), 'utf8')) as { rules: { id: string }[] };
    for (const lang of ['en', 'vi']) {
      const run = dqc(['rules', '--pack', pack, '--lang', lang]);
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toMatch(new RegExp(`^vn-population \\+ ${pack}: \\d+ ${lang === "vi" ? "quy tắc" : "rules"}$`));
      for (const { id } of own.rules) {
        const rule = resolved.rules.find((r) => r.id === id);
        if (!rule) continue; // turned off in this pack
        const at = lines.findIndex((l) => l.startsWith(`  ${rule.id}  [${rule.check}]`));
        expect(at, rule.id).toBeGreaterThan(0);
        expect(lines[at + 1]).toBe(`      en: ${rule.description!.en}`);
        expect(lines[at + 2]).toBe(`      vi: ${rule.description!.vi}`);
      }
    }
  });
});

describe('messages of the new check types in Vietnamese', () => {
  it('renders the planted licence findings with Vietnamese labels and units', () => {
    const manifest = manifestOf('vn-driving-licence');
    const run = dqc(['check', manifest.defects, '--pack', 'vn-driving-licence', '--as-of', manifest.asOf, '--lang', 'vi']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Hạng B2 không phải giá trị hợp lệ với Ngày cấp \d{2}\/\d{2}\/2025/);
    expect(run.stdout).toMatch(/Ngày hết hạn là \d{2}\/\d{2}\/\d{4}, nhưng Ngày cấp \d{2}\/\d{2}\/\d{4} \+ 10 năm cho ra/);
    expect(run.stdout).toMatch(/mới 20 tuổi \(sinh \d{2}\/\d{2}\/\d{4}\), dưới mức tối thiểu 21 tuổi của Hạng C/);
  });
});

describe.each(PACKS)('dqc reconcile --pack %s against the population extract', (pack) => {
  const manifest = JSON.parse(readFileSync(join(ROOT, `fixtures/sector/${pack}-reconcile.manifest.json`), 'utf8')) as Manifest & { local: string; reference: string };

  it('finds every planted disagreement on its row, and nothing else; the exit code follows the severities', () => {
    const { code, report } = dqcJson(['reconcile', manifest.local, '--reference', manifest.reference, '--pack', pack, '--as-of', manifest.asOf, '--sample', '1000']);
    const found: Expected[] = (report.rules as RuleReport[]).flatMap((rule) => rule.samples.map((s) => ({ rule: rule.id, code: s.code, row: s.row, column: s.column })));
    expect(found.map(key).sort()).toEqual(manifest.expected.map(key).sort());
    const errors = (report.rules as RuleReport[]).filter((r) => r.severity === 'error' && r.status === 'failed');
    expect(code).toBe(errors.length > 0 ? 1 : 0);
    expect(code).toBe(manifest.expected.some((e) => !['active-after-death'].includes(e.rule)) ? 1 : 0);
  });
});

describe('reconcile roles', () => {
  it('reads the reference with vn-population bindings and reports the sector event kinds only for packs that declare them', () => {
    const licence = JSON.parse(readFileSync(join(ROOT, 'fixtures/sector/vn-driving-licence-reconcile.manifest.json'), 'utf8')) as Manifest & { local: string; reference: string };
    const { report } = dqcJson(['reconcile', licence.local, '--reference', licence.reference, '--pack', 'vn-driving-licence', '--as-of', licence.asOf]);
    const ids = (report.rules as RuleReport[]).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['dead-before-event', 'active-after-death']));
    const severity = Object.fromEntries((report.rules as RuleReport[]).map((r) => [r.id, r.severity]));
    expect(severity['dead-before-event']).toBe('error');
    expect(severity['active-after-death']).toBe('warning');
    // vn-population declares no roles: the kinds are not in its report.
    const plain = dqcJson(['reconcile', 'fixtures/reconcile-local.csv', '--reference', 'fixtures/reconcile-reference.csv', '--as-of', licence.asOf]);
    expect((plain.report.rules as RuleReport[]).map((r) => r.id)).not.toContain('dead-before-event');
    // Vietnamese messages
    const vi = dqc(['reconcile', licence.local, '--reference', licence.reference, '--pack', 'vn-driving-licence', '--as-of', licence.asOf, '--lang', 'vi']);
    expect(vi.stdout).toMatch(/dữ liệu đối chiếu ghi nhận người này đã chết ngày \d{2}\/\d{2}\/\d{4} \(Ngày chết\), không sau Ngày cấp \d{2}\/\d{2}\/\d{4}/);
    expect(vi.stdout).toMatch(/Trạng thái vẫn là Còn hiệu lực/);
  });
});
