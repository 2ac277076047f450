import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dqc, dqcJson, tempDir } from '../support/cli.js';

function write(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const ASOF = ['--as-of', '2026-11-01'];

describe('packs', () => {
  it('reports every schema problem of a bad pack with its JSON path, and exits 2', () => {
    const dir = tempDir();
    const pack = write(dir, 'bad.json', {
      name: 'Bad Name',
      colums: {},
      rules: [{ id: 'r1', check: 'required', column: 'x', severity: 'fatal' }, { check: 'unique' }],
    });
    const run = dqc(['check', 'fixtures/population-clean.csv', '--pack', pack]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Rule pack ${pack} is invalid`);
    // Each problem at its line and column of the file (JSON.stringify with two spaces).
    expect(run.stderr).toContain('/name (line 2, column 11): must match the pattern');
    expect(run.stderr).toContain('/ (line 3, column 3): unknown property "colums" (did you mean "columns"?)');
    expect(run.stderr).toContain('/rules/0/severity (line 9, column 19): must be one of "error", "warning", "info", "off"');
    expect(run.stderr).toContain('/rules/1 (line 11, column 5): missing required property "id"');
    // The schema's problems no longer hide the rules' own.
    expect(run.stderr).toContain('/rules/0/column (line 8, column 17): column "x" is not declared in columns');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('checks rule options against the check type schema and names the rule', () => {
    const dir = tempDir();
    const pack = write(dir, 'opts.json', {
      name: 'opts',
      columns: { id_number: { aliases: ['so_dinh_danh'] } },
      rules: [
        { id: 'a', check: 'pattern', column: 'id_number', options: { patern: 'x' } },
        { id: 'b', check: 'no-such-check', column: 'id_number' },
        { id: 'c', check: 'required', column: 'nowhere' },
        { id: 'd', check: 'date', column: 'id_number', options: { format: 'dd/MM/yyyy j' } },
      ],
    });
    const run = dqc(['check', 'fixtures/population-clean.csv', '--pack', pack]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\/rules\/0\/options \(line \d+, column \d+\): unknown property "patern" \(did you mean "pattern"\?\)/);
    expect(run.stderr).toMatch(/\/rules\/0\/options \(line \d+, column \d+\): missing required property "pattern"/);
    expect(run.stderr).toMatch(/\/rules\/1\/check \(line \d+, column \d+\): unknown check type "no-such-check" \(known: required, placeholder/);
    expect(run.stderr).toMatch(/\/rules\/2\/column \(line \d+, column \d+\): column "nowhere" is not declared in columns/);
  });

  it('reports a check type that refuses its options when the rule is created', () => {
    const dir = tempDir();
    const pack = write(dir, 'fmt.json', {
      name: 'fmt',
      columns: { id_number: { aliases: ['so_dinh_danh'] } },
      rules: [{ id: 'd', check: 'pattern', column: 'id_number', options: { pattern: '([a-z' } }],
    });
    const run = dqc(['check', 'fixtures/population-clean.csv', '--pack', pack]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\/rules\/0\/options \(line 15, column 18\): check type "pattern" cannot use these options: .*\(\[a-z/);
  });

  it('names the line and column of a pack that is not valid JSON or YAML', () => {
    const dir = tempDir();
    const json = write(dir, 'broken.json', '{\n  "name": "x",\n  "rules": [,]\n}\n');
    const run = dqc(['check', 'fixtures/population-clean.csv', '--pack', json]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not valid JSON: .*\(at .*broken\.json:3:/);
    const yaml = write(dir, 'broken.yaml', 'name: x\nrules:\n  - id: a\n   check: required\n');
    const runYaml = dqc(['check', 'fixtures/population-clean.csv', '--pack', yaml]);
    expect(runYaml.code).toBe(2);
    expect(runYaml.stderr).toMatch(/is not valid YAML: .*broken\.yaml:4:/);
  });

  it('loads YAML packs that extend a shipped pack; overrides keep earlier options', () => {
    const dir = tempDir();
    const pack = write(
      dir,
      'mine.yaml',
      [
        'name: mine',
        'extends: vn-population',
        'rules:',
        '  - id: sex-valid',
        '    severity: warning', // severity-only override keeps values [Nam, Nữ]
        '  - id: name-nfc',
        '    severity: "off"',
        '  - id: phone-required',
        '    check: required',
        '    column: phone',
        '    severity: info',
      ].join('\n'),
    );
    const shown = dqc(['pack', pack]);
    expect(shown.code).toBe(0);
    const resolved = JSON.parse(shown.stdout);
    const sex = resolved.rules.find((r: { id: string }) => r.id === 'sex-valid');
    expect(sex).toMatchObject({ severity: 'warning', options: { values: ['Nam', 'Nữ'] } });
    expect(resolved.rules.some((r: { id: string }) => r.id === 'name-nfc')).toBe(false);
    expect(resolved.packs.map((p: { name: string }) => p.name)).toEqual(['vn-population', 'mine']);
    const { report, code } = dqcJson(['check', 'fixtures/population-defects.csv', '--pack', pack, ...ASOF]);
    expect(code).toBe(1);
    expect(report.rules.find((r: { id: string }) => r.id === 'sex-valid')).toMatchObject({ severity: 'warning', failed: 4 });
    expect(report.rules.find((r: { id: string }) => r.id === 'phone-required')).toMatchObject({ severity: 'info', dimension: 'sufficient' });
  });

  it('refuses packs that extend each other in a cycle', () => {
    const dir = tempDir();
    write(dir, 'a.json', { name: 'a', extends: './b.json' });
    write(dir, 'b.json', { name: 'b', extends: './a.json' });
    const run = dqc(['check', 'fixtures/population-clean.csv', '--pack', join(dir, 'a.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/extend each other in a cycle: .*a\.json → .*b\.json → .*a\.json/);
  });

  it('says which packs exist when a name is unknown', () => {
    const run = dqc(['check', 'fixtures/population-clean.csv', '--pack', 'vn-populaton']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Rule pack "vn-populaton" not found (shipped packs: structure, vn-birth-registration, vn-civil-servants, vn-death-registration, vn-driving-licence, vn-health-insurance, vn-population, vn-vehicle-registration)');
  });
});

describe('column binding', () => {
  it('binds headers ignoring case, diacritics, spaces, underscores and dots', () => {
    const dir = tempDir();
    const headers = ['Số định danh cá nhân', 'HO_VA_TEN', 'ngay.sinh', 'Giới   tính', 'so dien thoai'];
    const csv = write(dir, 'headers.csv', `${headers.join(',')}\n001085012345,Nguyễn Văn An,12/03/1985,Nam,0912345678\n`);
    const { report } = dqcJson(['check', csv, ...ASOF]);
    expect(report.inputs[0].bound).toEqual({
      id_number: 'Số định danh cá nhân',
      full_name: 'HO_VA_TEN',
      date_of_birth: 'ngay.sinh',
      sex: 'Giới   tính',
      phone: 'so dien thoai',
    });
    const other = write(dir, 'upper.csv', 'SO_DINH_DANH_CA_NHAN;so dinh danh ca nhan\n001085012345;x\n');
    expect(dqcJson(['check', other, ...ASOF]).report.inputs[0].bound).toEqual({ id_number: 'SO_DINH_DANH_CA_NHAN' });
  });

  it('reports a rule whose column is absent as skipped, with the reason, never as passed', () => {
    const { report } = dqcJson(['check', 'fixtures/formats/comma.csv', ...ASOF]);
    const phone = report.rules.find((r: { id: string }) => r.id === 'phone-valid');
    expect(phone).toMatchObject({ status: 'skipped', evaluated: 0, skipped: [{ file: 'fixtures/formats/comma.csv', missingColumns: ['phone'] }] });
    const text = dqc(['check', 'fixtures/formats/comma.csv', ...ASOF]).stdout;
    expect(text).toMatch(/phone-valid .*skipped: column phone not found in fixtures\/formats\/comma\.csv/);
    // 15 rules need a field comma.csv lacks (death-date-whitespace, added with issue 14, is one of them)
    expect(report.summary.rulesSkipped).toBe(15);
  });

  it('--column binds a field to any header', () => {
    const dir = tempDir();
    const csv = write(dir, 'odd.csv', 'ma so,ten\n00108501234,Nguyễn Văn An\n');
    const { report } = dqcJson(['check', csv, '--column', 'id_number=ma so', '--column', 'full_name=ten', ...ASOF]);
    expect(report.inputs[0].bound).toEqual({ id_number: 'ma so', full_name: 'ten' });
    expect(report.rules.find((r: { id: string }) => r.id === 'id-valid')).toMatchObject({ failed: 1, status: 'failed' });
    const bad = dqc(['check', csv, '--column', 'idnumber=ma so']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--column names field "idnumber", which no pack declares');
  });
});

describe('thresholds in a pack', () => {
  it('lets a rule fail up to max_failures / max_fail_rate, and enforces a dimension min_score', () => {
    const dir = tempDir();
    const lenient = write(dir, 'lenient.json', {
      name: 'lenient',
      extends: 'vn-population',
      rules: [
        { id: 'id-required', max_failures: 2 },
        { id: 'dob-valid', max_fail_rate: 0.05 },
      ],
    });
    const { report } = dqcJson(['check', 'fixtures/population-defects.csv', '--pack', lenient, ...ASOF]);
    const byId = (id: string) => report.rules.find((r: { id: string }) => r.id === id);
    expect(byId('id-required')).toMatchObject({ failed: 2, status: 'passed', threshold: { maxFailures: 2, maxFailRate: null } });
    expect(byId('dob-valid')).toMatchObject({ failed: 10, status: 'passed', threshold: { maxFailures: null, maxFailRate: 0.05 } });
    expect(report.gate.reasons.map((r: { data: { rule?: string } }) => r.data.rule)).not.toContain('id-required');

    const strict = write(dir, 'strict.json', {
      name: 'strict',
      extends: 'vn-population',
      thresholds: { dimensions: { clean: { min_score: 99.5 } } },
    });
    const clean = dqcJson(['check', 'fixtures/population-clean.csv', '--pack', strict, ...ASOF]);
    expect(clean.code).toBe(0);
    const defects = dqcJson(['check', 'fixtures/population-defects.csv', '--pack', strict, ...ASOF]);
    expect(defects.report.gate.reasons).toContainEqual(
      expect.objectContaining({ code: 'dimension-below-min', data: { dimension: 'clean', score: defects.report.scores.clean, min: 99.5 } }),
    );
  });
});

describe('review fixes', () => {
  it('replaces a rule when a later pack gives its id another check type', () => {
    const dir = tempDir();
    const first = write(dir, 'first.json', {
      name: 'first',
      columns: { id_number: { aliases: ['so_dinh_danh'] } },
      rules: [{ id: 'r', check: 'unique', column: 'id_number', options: { ignore_case: true } }],
    });
    const second = write(dir, 'second.json', { name: 'second', rules: [{ id: 'r', check: 'required', column: 'id_number' }] });
    const shown = dqc(['pack', first, second]);
    expect(shown.code).toBe(0);
    const rule = JSON.parse(shown.stdout).rules.find((r: { id: string }) => r.id === 'r');
    expect(rule).toMatchObject({ check: 'required', options: {} });
  });

  it('reports every check-setup problem when the pack is loaded, also for dqc rules', () => {
    const dir = tempDir();
    const pack = write(dir, 'setup.json', {
      name: 'setup',
      columns: { a: {} },
      rules: [
        { id: 'x', check: 'pattern', column: 'a', options: { pattern: '(' } },
        { id: 'y', check: 'range', column: 'a', options: { min: 5, max: 1 } },
      ],
    });
    const run = dqc(['rules', '--pack', pack]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(2 problems)');
    expect(run.stderr).toMatch(/\/rules\/0\/options \(line \d+, column \d+\): check type "pattern" cannot use these options/);
    expect(run.stderr).toMatch(/\/rules\/1\/options \(line \d+, column \d+\): check type "range" cannot use these options/);
  });

  it('fails the gate when no column binds, or when --column names a header the file lacks', () => {
    const dir = tempDir();
    const csv = write(dir, 'nomatch.csv', 'a,b\n1,2\n');
    const none = dqcJson(['check', csv, ...ASOF]);
    expect(none.code).toBe(1);
    expect(none.report.inputs[0].problems).toEqual([expect.objectContaining({ code: 'header/nothing-bound', severity: 'error' })]);
    const override = dqcJson(['check', 'fixtures/population-clean.csv', '--column', 'phone=Nope', ...ASOF]);
    expect(override.code).toBe(1);
    // The header the field would have bound without --column is now bound to nothing: an unknown column.
    expect(override.report.inputs[0].problems).toEqual([
      expect.objectContaining({ code: 'header/override-missing', samples: [expect.objectContaining({ column: 'Nope' })] }),
      expect.objectContaining({ code: 'header/unknown-column', severity: 'warning', samples: [expect.objectContaining({ column: 'so_dien_thoai' })] }),
    ]);
  });

  it('gives no score to rules that saw no row', () => {
    const { report } = dqcJson(['check', 'fixtures/broken/header-only.csv', ...ASOF]);
    expect(report.scores.true).toBeNull();
    expect(report.scores.clean).toBeNull();
  });

  it('keeps empty values of a one-column file as rows, and sniffs CR-only files', () => {
    const dir = tempDir();
    const one = write(dir, 'one.csv', 'so_dinh_danh\n001085012345\n""\n079192004561\n');
    const oneReport = dqcJson(['check', one, ...ASOF]).report;
    expect(oneReport.inputs[0].rows).toBe(3);
    expect(oneReport.rules.find((r: { id: string }) => r.id === 'id-required')).toMatchObject({ failed: 1 });
    const cr = write(dir, 'cr.csv', 'so_dinh_danh;ho_ten;dia_chi\r001085012345;Nguyễn Văn An;Số 1, Huế\r079192004561;Trần Thị Bích;Số 2, Hà Nội\r');
    const crReport = dqcJson(['check', cr, ...ASOF]).report;
    expect(crReport.inputs[0]).toMatchObject({ delimiter: ';', rows: 2, problems: [] });
  });

  it('reports a U+FFFD already present in a valid UTF-8 CSV', () => {
    const dir = tempDir();
    const csv = write(dir, 'fffd.csv', 'so_dinh_danh,ho_ten\n001085012345,Nguy\ufffdn Văn An\n');
    const { report } = dqcJson(['check', csv, ...ASOF]);
    expect(report.inputs[0].problems).toEqual([expect.objectContaining({ code: 'cell/invalid-utf8', count: 1 })]);
  });

  it('clips long values in samples', () => {
    const dir = tempDir();
    const csv = write(dir, 'long.csv', `so_dinh_danh,ho_ten\n${'9'.repeat(100_000)},Nguyễn Văn An\n`);
    const { report } = dqcJson(['check', csv, ...ASOF]);
    const sample = report.rules.find((r: { id: string }) => r.id === 'id-valid').samples[0];
    expect(sample.value.length).toBeLessThan(600);
    expect(sample.value).toMatch(/… \(100000 chars\)$/);
  });
});
