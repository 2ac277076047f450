import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli.js';

// Installing outside the clone (README, "Install elsewhere") goes through `npm pack`: the tarball
// must hold everything dqc reads at run time (dist/ with the worker, the shipped packs and the JSON
// schemas in rules/, package.json for the version). The test packs the checkout, unpacks the tarball
// in a temp folder, gives it only the packages package.json lists as dependencies (as an install
// from the tarball would; nothing else of the clone's node_modules), and runs it from another folder.

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

describe('the packed package (npm pack)', () => {
  let unpacked: string;
  let elsewhere: string;

  beforeAll(() => {
    const dir = tempDir();
    // dist/ is already built (global setup); --ignore-scripts skips `prepare` building it again.
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
    expect(filename).toBe(`${pkg.name}-${pkg.version}.tgz`);
    const untar = spawnSync('tar', ['-xzf', join(dir, filename), '-C', dir], { encoding: 'utf8' });
    expect(untar.status, untar.stderr).toBe(0);
    unpacked = join(dir, 'package');
    // Only the declared dependencies; their own dependencies resolve from where they really are.
    mkdirSync(join(unpacked, 'node_modules'));
    for (const name of Object.keys(pkg.dependencies)) symlinkSync(join(ROOT, 'node_modules', name), join(unpacked, 'node_modules', name), 'dir');
    elsewhere = tempDir();
  }, 120_000);

  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(unpacked, 'bin', 'dqc.js'), ...args], {
      cwd: elsewhere,
      env: { PATH: process.env.PATH ?? '', LANG: 'C', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('holds the launcher, dist/ with the worker and declarations, and every file of rules/ (packs and schemas)', () => {
    const inside = files(unpacked).filter((path) => !path.startsWith('node_modules/'));
    for (const path of ['bin/dqc.js', 'package.json', 'README.md', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'dist/engine/row-worker.js']) {
      expect(inside).toContain(path);
    }
    const rules = files(join(ROOT, 'rules')).map((path) => `rules/${path}`);
    expect(rules).toEqual(expect.arrayContaining(['rules/vn-population.json', 'rules/pack.schema.json', 'rules/report.schema.json', 'rules/fix-record.schema.json']));
    expect(inside.filter((path) => path.startsWith('rules/'))).toEqual(rules);
    // Every compiled module of the build is there (nothing of the library is left behind).
    const built = files(join(ROOT, 'dist')).map((path) => `dist/${path}`);
    expect(inside.filter((path) => path.startsWith('dist/'))).toEqual(built);
    expect(inside.filter((path) => /^(src|test|fixtures|bench|docs|scripts)\//.test(path))).toEqual([]);
  });

  it('imports nothing at run time but node built-ins and its declared dependencies', () => {
    const allowed = new Set([...builtinModules, ...Object.keys(pkg.dependencies)]);
    const used = new Set<string>();
    for (const path of files(join(unpacked, 'dist')).filter((p) => p.endsWith('.js'))) {
      const text = readFileSync(join(unpacked, 'dist', path), 'utf8');
      for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
        if (fileName.startsWith('.')) continue;
        const spec = fileName.replace(/^node:/, '');
        used.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect([...used].filter((name) => !allowed.has(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(3);
  });

  it('runs from another folder: version, the shipped pack and its rules, a check on one and on two threads, a fix list', () => {
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
    const rules = run(['rules', '--pack', 'vn-population']);
    expect(rules.code, rules.stderr).toBe(0);
    expect(rules.stdout).toContain('id-required');

    const input = join(elsewhere, 'export.csv');
    writeFileSync(input, readFileSync(join(ROOT, 'fixtures/population-defects.csv')));
    for (const threads of ['1', '2']) {
      const check = run(['check', 'export.csv', '--as-of', '2026-11-01', '--format', 'json', '-q', '--threads', threads]);
      expect(check.code, check.stderr).toBe(1);
      const report = JSON.parse(check.stdout) as { tool: { version: string }; rules: { id: string }[] };
      expect(report.rules.map((rule) => rule.id)).toContain('id-required');
    }
    const fixes = run(['check', 'export.csv', '--as-of', '2026-11-01', '--fixes', 'fixes.csv', '--format', 'html', '-o', 'report.html', '-q']);
    expect(fixes.code, fixes.stderr).toBe(1);
    expect(existsSync(join(elsewhere, 'fixes.csv'))).toBe(true);
    expect(readFileSync(join(elsewhere, 'report.html'), 'utf8')).toContain('<html');
  });

  it('validates a pack of the user’s own against the packed schema', () => {
    writeFileSync(join(elsewhere, 'bad.json'), JSON.stringify({ name: 'bad', rules: [{ id: 'x', check: 'required' }], unknownKey: 1 }));
    const result = run(['pack', 'bad.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/ENOENT|at .*\.js:\d+/);
  });
});
