import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskNumber } from '../../src/report/mask.js';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';
import { englishFragments, visibleText } from '../report/support.js';
import { findAll, parseXml } from '../support/xml.js';

const FIXTURE = 'fixtures/population-defects.csv';
const AS_OF = ['--as-of', '2026-11-01'];
const schema = JSON.parse(readFileSync(join(ROOT, 'rules/report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

interface RuleJson {
  id: string;
  check: string;
  severity: string;
  status: string;
  failed: number;
  evaluated: number;
  findings: number;
  description: string;
  samples: { field: string | null; value: string | null }[];
  byFile: { file: string; evaluated: number; failed: number; findings: number }[];
}

/** The JSON report of the same run, for the facts the other formats must show. */
function jsonReport(extra: string[] = []) {
  const { code, report } = dqcJson(['check', FIXTURE, ...AS_OF, '--sample', '5', ...extra]);
  return { code, report: report as { rules: RuleJson[]; scores: Record<string, number | null>; inputs: { columns: string[]; filled: number[]; rows: number }[] } };
}

/** A 12-digit personal ID shown in the samples, to look for whole and masked. */
function sampledId(rules: RuleJson[]): string {
  const id = rules.flatMap((r) => r.samples).find((s) => s.field === 'id_number' && /^\d{12}$/.test(s.value ?? '') && !/^(\d)\1+$/.test(s.value ?? ''))?.value;
  if (!id) throw new Error('no sampled personal ID in the fixture report');
  return id;
}

describe('dqc check: several report formats in one run', () => {
  const { report } = jsonReport();
  const id = sampledId(report.rules);

  it('writes html, markdown, junit and json into an -o directory, prints the console, exits 1', () => {
    const dir = tempDir();
    const run = dqc(['check', FIXTURE, ...AS_OF, '--format', 'console,html,markdown,junit,json', '-o', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ Gate failed');
    expect(run.stdout).toContain('id-valid [vn-personal-id]');
    expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'report.md']); // no temp file left

    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const text = visibleText(html);
    for (const key of ['true', 'sufficient', 'clean', 'alive', 'overall']) {
      const score = report.scores[key] ?? null;
      expect(html).toMatch(new RegExp(`data-dimension="${key}"[\\s\\S]*?class="ring-value">${score === null ? '–' : score.toFixed(1)}<`));
    }
    for (const rule of report.rules) expect(html).toContain(`data-rule="${rule.id}"`);
    expect(text).toContain(maskNumber(id));
    expect(html).not.toContain(id);

    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(markdown).toContain(`| ${['true', 'sufficient', 'clean', 'alive'].map((k) => report.scores[k]!.toFixed(1)).join(' | ')} | **${report.scores.overall!.toFixed(1)}** |`);
    const failedIds = report.rules.filter((r) => r.status === 'failed').map((r) => r.id);
    const table = markdown.slice(markdown.indexOf('#### Failed rules'), markdown.indexOf('#### Sample findings'));
    const listed = [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toHaveLength(Math.min(20, failedIds.length));
    expect(listed.every((rule) => failedIds.includes(rule!))).toBe(true);
    if (failedIds.length > 20) expect(table).toContain(`… and ${failedIds.length - 20} more failed rules`);
    expect(markdown).not.toContain(id);

    const junit = parseXml(readFileSync(join(dir, 'junit.xml'), 'utf8'));
    const [suite, gate] = findAll(junit, 'testsuite');
    expect(suite!.attributes.name).toBe(FIXTURE);
    expect(gate!.attributes.name).toBe('dqc');
    const cases = findAll(suite!, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(['input', ...report.rules.map((r) => r.id)]);
    const failing = cases.filter((c) => c.children.some((x) => x.name === 'failure')).map((c) => c.attributes.name);
    expect(failing).toEqual(report.rules.filter((r) => r.status === 'failed' && r.severity === 'error').map((r) => r.id));
    const dobValid = report.rules.find((r) => r.id === 'dob-valid')!;
    const dobFailure = cases.find((c) => c.attributes.name === 'dob-valid')!.children[0]!;
    expect(dobFailure.attributes.message).toBe(`${dobValid.failed} of ${dobValid.evaluated} rows failed (2%)`);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).not.toContain(id);

    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.scores).toEqual(report.scores);
  });

  it('writes each format to its own --output-<format> file; the console summary beside them, not with -q', () => {
    const dir = tempDir();
    const html = join(dir, 'r.html');
    const junit = join(dir, 'ci', 'junit.xml');
    const run = dqc(['check', FIXTURE, ...AS_OF, '--output-html', html, '--output-markdown', join(dir, 'summary.md')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ Gate failed');
    expect(readdirSync(dir).sort()).toEqual(['r.html', 'summary.md']);
    const quiet = dqc(['check', FIXTURE, ...AS_OF, '--output-junit', join(dir, 'j.xml'), '-q']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toBe('');
    expect(parseXml(readFileSync(join(dir, 'j.xml'), 'utf8')).name).toBe('testsuites');
    // a folder that does not exist is not created: the run cannot be done
    const missing = dqc(['check', FIXTURE, ...AS_OF, '--output-junit', junit]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot write');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('sends one format to stdout, or -o a file for one format', () => {
    const markdown = dqc(['check', FIXTURE, ...AS_OF, '--format', 'markdown']);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout.startsWith('### ❌ dqc: Gate failed')).toBe(true);
    const dir = tempDir();
    const one = dqc(['check', FIXTURE, ...AS_OF, '--format', 'html', '-o', join(dir, 'page.html'), '-q']);
    expect(one.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['page.html']);
  });

  it.each([
    [['--format', 'console,json'], 'only one report can go to standard output, not console, json'],
    [['--format', 'html,junit', '-o', 'report.html'], '-o report.html must be an existing directory to hold several reports (html, junit)'],
    [['--format', 'html', '--output-junit', 'x.out', '-o', 'x.out'], 'html, junit would both be written to x.out'],
    [['--format', 'pdf'], '"pdf" is not valid (console, json, html, markdown, junit)'],
    [['--format', ','], '"," is not valid'],
  ])('refuses %j before reading anything (exit 2)', (args, message) => {
    const dir = tempDir();
    const run = dqc(['check', FIXTURE, ...AS_OF, ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--no-mask shows ID numbers in the shareable formats', () => {
    const html = dqc(['check', FIXTURE, ...AS_OF, '--format', 'html', '--no-mask']).stdout;
    expect(html).toContain(id);
    expect(visibleText(html)).toContain('this report holds personal data');
    expect(dqc(['check', FIXTURE, ...AS_OF, '--format', 'junit', '--no-mask']).stdout).toContain(id);
  });

  it('makes the Vietnamese HTML report of the shipped fixture fully Vietnamese', () => {
    const run = dqc(['check', FIXTURE, ...AS_OF, '--format', 'html', '--lang', 'vi']);
    expect(run.code).toBe(1);
    const text = visibleText(run.stdout);
    expect(run.stdout).toContain('<html lang="vi">');
    for (const label of ['Báo cáo chất lượng dữ liệu', 'Không đạt yêu cầu', 'Điểm chất lượng', 'Các quy tắc, theo mức ảnh hưởng', 'Các lỗi mẫu', 'Tỷ lệ có dữ liệu theo cột', 'Các nhóm bản ghi trùng lặp', 'Dữ liệu đầu vào', 'Thiết lập']) {
      expect(text).toContain(label);
    }
    const { report: vi } = jsonReport(['--lang', 'vi']);
    for (const rule of vi.rules) expect(text, rule.id).toContain(rule.description);
    expect(text).toContain('01/11/2026');
    expect(englishFragments().filter(({ fragment }) => text.includes(fragment))).toEqual([]);
  });

  it('shows a cell holding <script> as text, never as markup', () => {
    const dir = tempDir();
    const csv = join(dir, 'hostile.csv');
    const header = ['so_dinh_danh', 'ho_ten', 'dan_toc', '<img src=x onerror=alert(1)>'];
    writeFileSync(csv, `${header.join(',')}\n001085012345,Nguyễn Văn An,<script>alert(1)</script>,x\n`);
    for (const format of ['html', 'markdown', 'junit']) {
      const run = dqc(['check', csv, ...AS_OF, '--format', format]);
      expect(run.code, format).toBe(1);
      expect(run.stdout, format).toContain('script');
      // Markdown shows values in code spans, where nothing is markup; outside them, nothing may be
      const outsideCode = format === 'markdown' ? run.stdout.replace(/(`+)[^`]*?\1/g, '') : run.stdout;
      expect(outsideCode, format).not.toMatch(/<script>|<img /);
    }
    const html = dqc(['check', csv, ...AS_OF, '--format', 'html']).stdout;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(visibleText(html)).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('report data added for the shareable formats', () => {
  it('counts filled cells per column exactly (checked against csv-parse)', () => {
    const { report } = jsonReport();
    const rows = parse(readFileSync(join(ROOT, FIXTURE)), { bom: true, relax_column_count: true }) as string[][];
    const [header, ...data] = rows;
    const expected = header!.map((_, i) => data.filter((row) => (row[i] ?? '').trim() !== '').length);
    expect(report.inputs[0]!.columns).toEqual(header);
    expect(report.inputs[0]!.filled).toEqual(expected);
  });

  it('splits every rule’s counts by file, adding up to the overall counts', () => {
    const { report } = dqcJson(['check', FIXTURE, 'fixtures/population-clean.csv', ...AS_OF]);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    for (const rule of report.rules as RuleJson[]) {
      expect(rule.byFile.map((f) => f.file), rule.id).toEqual([FIXTURE, 'fixtures/population-clean.csv']);
      if (rule.check === 'row-count' || rule.check === 'fill-rate') continue; // whole-run rules: counted in every file
      const sum = (key: 'evaluated' | 'failed' | 'findings') => rule.byFile.reduce((n, f) => n + f[key], 0);
      expect([sum('evaluated'), sum('failed'), sum('findings')], rule.id).toEqual([rule.evaluated, rule.failed, rule.findings]);
    }
    const clean = (report.rules as RuleJson[]).find((r) => r.id === 'dob-valid')!.byFile[1]!;
    expect(clean).toEqual({ file: 'fixtures/population-clean.csv', evaluated: 200, failed: 0, findings: 0 });
  });
});

describe('dqc check --help', () => {
  it.each([
    ['en', ['--output-html <file>', '--output-junit <file>', '--output-markdown <file>', '--output-json <file>', '--no-mask', 'report formats, comma-separated']],
    ['vi', ['--output-html <file>', '--no-mask', 'hiện đầy đủ số giấy tờ và họ tên', 'các định dạng báo cáo, cách nhau bởi dấu phẩy']],
  ])('%s lists the report options', (lang, expected) => {
    const run = dqc(['check', '--help', '--lang', lang]);
    expect(run.code).toBe(0);
    for (const text of expected) expect(run.stdout).toContain(text);
  });
});
