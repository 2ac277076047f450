// dqc init end to end: a config written from a generated export with unusual headers makes
// `dqc check <file>` in that directory bind every column and pass; an existing config is never
// overwritten without --force (exit 2, bilingual message); YAML and a blank starter work too.
import { existsSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, POPULATION_HEADERS } from '../../fixtures/generate.js';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';
import { FIELD_OF_HEADER, NOTES_HEADER, UNUSUAL_HEADERS, writeUnusualExport } from '../profile/unusual-export.js';

function unusualDir(rows = 300): string {
  const dir = tempDir();
  writeUnusualExport(join(dir, 'export.csv'), rows);
  return dir;
}

const expectedBinding = {
  ...Object.fromEntries(POPULATION_HEADERS.map((h) => [FIELD_OF_HEADER[h], UNUSUAL_HEADERS[h]])),
  ghi_chu: NOTES_HEADER,
};

describe('dqc init --from <file>, then dqc check <file>', () => {
  it('binds every column of an export with unusual headers, so that the check passes', { timeout: 120_000 }, () => {
    const dir = unusualDir();
    // Without a config, vn-population alone binds only the headers that fold to one of its aliases.
    const before = dqcJson(['check', 'export.csv', '--as-of', AS_OF], { cwd: dir });
    expect(Object.keys(before.report.inputs[0].bound).length).toBeLessThan(10);
    expect(before.report.summary.rulesSkipped).toBeGreaterThan(0);

    const init = dqc(['init', '--from', 'export.csv', '--as-of', AS_OF], { cwd: dir });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Wrote dqc.config.json: extends vn-population, from export.csv (300 rows)');
    expect(init.stdout).toContain('Liên lạc → phone (recognised from the values)');
    expect(init.stdout).toContain('Cập nhật lần cuối → updated_at (named in the header, date format yyyy-MM-dd)');
    expect(init.stdout).toContain('Ghi chú → ghi_chu (text)');
    expect(init.stdout).toContain('Rules of vn-population: 35 will run on this file, 0 will be skipped');
    expect(init.stdout).toContain('Next: dqc check export.csv');

    const config = JSON.parse(readFileSync(join(dir, 'dqc.config.json'), 'utf8'));
    expect(config).toMatchObject({ name: 'export', extends: 'vn-population' });
    expect(config.columns.full_name).toEqual({ aliases: ['Họ và tên khai sinh'] });

    const { code, report } = dqcJson(['check', 'export.csv', '--as-of', AS_OF], { cwd: dir });
    expect(report.inputs[0].bound).toEqual(expectedBinding);
    expect(report.settings.packs.map((p: { name: string }) => p.name)).toEqual(['vn-population', 'export']);
    expect(report.summary).toMatchObject({ rulesSkipped: 0, errors: 0, warnings: 0 });
    expect(report.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['ghi-chu-fill', 'ghi-chu-values']));
    expect(code).toBe(0);

    // `dqc rules` and `dqc pack` in that directory show the config too.
    expect(dqc(['rules'], { cwd: dir }).stdout.split('\n')[0]).toBe(`vn-population + export: ${report.rules.length} rules`);
    expect(JSON.parse(dqc(['pack'], { cwd: dir }).stdout).columns.phone.aliases).toContain('Liên lạc');
    // --pack still wins over the config.
    const explicit = dqcJson(['check', 'export.csv', '--pack', 'vn-population', '--as-of', AS_OF], { cwd: dir });
    expect(explicit.report.inputs[0].bound).toEqual(before.report.inputs[0].bound);
  });

  it('never overwrites a config without --force: exit 2, in English and Vietnamese, the file untouched', { timeout: 90_000 }, () => {
    const dir = unusualDir(50);
    expect(dqc(['init', '--from', 'export.csv'], { cwd: dir }).code).toBe(0);
    const path = join(dir, 'dqc.config.json');
    writeFileSync(path, '{"name":"mine","extends":"vn-population"}\n');

    const en = dqc(['init', '--from', 'export.csv'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      'dqc: dqc.config.json already exists; dqc init never overwrites a config: use --force to replace it, or -o to write another file\n',
    );
    const vi = dqc(['init', '--lang', 'vi'], { cwd: dir });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe(
      'dqc: dqc.config.json đã tồn tại; dqc init không bao giờ ghi đè tệp cấu hình: dùng --force để thay thế, hoặc -o để ghi ra tệp khác\n',
    );
    // A YAML config beside the JSON one would be shadowed by it: refused too.
    expect(dqc(['init', '-o', 'dqc.config.yaml'], { cwd: dir }).code).toBe(2);
    expect(existsSync(join(dir, 'dqc.config.yaml'))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('{"name":"mine","extends":"vn-population"}\n');

    const forced = dqc(['init', '--from', 'export.csv', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8')).name).toBe('export');
  });

  it('writes YAML when asked, and dqc check finds it', { timeout: 60_000 }, () => {
    const dir = unusualDir(60);
    const init = dqc(['init', '--from', 'export.csv', '-o', 'dqc.config.yaml', '--lang', 'vi'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Đã ghi dqc.config.yaml: kế thừa vn-population, từ export.csv (60 dòng)');
    expect(readFileSync(join(dir, 'dqc.config.yaml'), 'utf8')).toContain('extends: vn-population');
    const { report } = dqcJson(['check', 'export.csv', '--as-of', AS_OF], { cwd: dir });
    expect(report.inputs[0].bound).toEqual(expectedBinding);
  });

  it('writes a blank starter without --from; a file whose headers are aliases needs nothing more', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const init = dqc(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'dqc.config.json'), 'utf8'));
    expect(Object.keys(config)).toEqual(['$schema', 'name', 'description', 'extends']);
    // The $schema path leads to the shipped schema from where the config is.
    expect(existsSync(join(dir, config.$schema))).toBe(true);
    copyFileSync(join(ROOT, 'fixtures/population-clean.csv'), join(dir, 'population.csv'));
    const check = dqcJson(['check', 'population.csv', '--as-of', AS_OF], { cwd: dir });
    expect(check.code).toBe(0);
    expect(Object.keys(check.report.inputs[0].bound)).toHaveLength(17);
  });

  it('exits 2 for a missing --from file or an output that is not .json/.yaml, writing nothing', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const missing = dqc(['init', '--from', 'nope.csv'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('dqc: No input matches nope.csv\n');
    const bad = dqc(['init', '-o', 'config.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--output: "config.txt" is not valid (a .json, .yaml or .yml file)');
    expect(existsSync(join(dir, 'dqc.config.json'))).toBe(false);
  });
});
