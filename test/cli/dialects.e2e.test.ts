import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dqc, dqcJson, tempDir } from '../support/cli.js';

// CSV dialects on small files of our own: a register written with ", " between fields, a file with
// backslash escapes, a '-quoted file and a headerless file. Each is read with the flag and with the
// same setting in a pack, and its unedited fix list applies with no conflict, the output written in
// the file's dialect.

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const PACK = {
  name: 'dialect-test',
  columns: {
    id_number: { aliases: ['ma'], type: 'string' },
    full_name: { aliases: ['ten'], type: 'string' },
    note: { aliases: ['ghi_chu'], type: 'string' },
  },
  rules: [{ id: 'name-ws', check: 'whitespace', column: 'full_name', severity: 'warning' }],
};

interface Case {
  name: string;
  text: string;
  flags: string[];
  dialect: Record<string, unknown>;
  /** Extra arguments of dqc check (bindings of a headerless file). */
  bind?: string[];
  /** The whitespace rule's sample value: the name as read. */
  value: string;
  fixed: string;
}

const CASES: Case[] = [
  {
    name: 'register with ", " separators',
    text: 'ma, ten, ghi_chu\n001, "Lê  Hoàng, Đức", "Test line 1"\n002, Trần Văn B, x\n',
    flags: ['--skip-initial-space'],
    dialect: { skip_initial_space: true },
    value: 'Lê  Hoàng, Đức',
    fixed: 'ma, ten, ghi_chu\n001, "Lê Hoàng, Đức", "Test line 1"\n002, Trần Văn B, x\n',
  },
  {
    name: 'backslash escapes',
    text: 'ma,ten,ghi_chu\n001,"Lê  Hoàng \\"Đức\\"","a\\\\b"\n002,Trần Văn B,"x"\n',
    flags: ['--escape', '\\'],
    dialect: { escape: '\\' },
    value: 'Lê  Hoàng "Đức"',
    fixed: 'ma,ten,ghi_chu\n001,"Lê Hoàng \\"Đức\\"","a\\\\b"\n002,Trần Văn B,"x"\n',
  },
  {
    name: "'-quoted fields",
    text: "ma,ten,ghi_chu\n001,'Lê  Hoàng, Đức','O''Brien'\n002,Trần Văn B,\"x\"\n",
    flags: ['--quote', "'"],
    dialect: { quote: "'" },
    value: 'Lê  Hoàng, Đức',
    fixed: "ma,ten,ghi_chu\n001,'Lê Hoàng, Đức','O''Brien'\n002,Trần Văn B,\"x\"\n",
  },
  {
    name: 'no header',
    text: '001,Lê  Hoàng,a\n002,Trần Văn B,x\n',
    flags: ['--no-header'],
    dialect: { header: false },
    bind: ['--column', 'id_number=column_1', '--column', 'full_name=column_2', '--column', 'note=column_3'],
    value: 'Lê  Hoàng',
    fixed: '001,Lê Hoàng,a\n002,Trần Văn B,x\n',
  },
];

describe.each(CASES)('dialect: $name', { timeout: 120_000 }, (c) => {
  const dir = tempDir();
  dirs.push(dir);
  const input = join(dir, 'input.csv');
  writeFileSync(input, c.text);
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(PACK));
  writeFileSync(join(dir, 'dialect-pack.json'), JSON.stringify({ ...PACK, name: 'dialect-test-d', dialect: c.dialect }));
  const bind = c.bind ?? [];
  const ways: [string, string[], string[]][] = [
    ['the flag', ['-p', join(dir, 'pack.json'), ...c.flags], c.flags],
    ['the pack', ['-p', join(dir, 'dialect-pack.json')], ['-p', join(dir, 'dialect-pack.json')]],
  ];

  it.each(ways)('read with %s: 2 rows, the values as written, no input problem', (_way, args) => {
    const { code, report } = dqcJson(['check', input, '--as-of', '2026-11-01', ...args, ...bind]);
    expect(code, JSON.stringify(report.inputs)).toBe(0);
    expect(report.inputs[0].rows).toBe(2);
    expect(report.inputs[0].problems).toEqual([]);
    const rule = report.rules.find((r: { id: string }) => r.id === 'name-ws');
    expect(rule.samples.map((s: { value: string; row: number }) => [s.row, s.value])).toEqual([[1, c.value]]);
  });

  it.each(ways)('check --fixes then fix, both with %s: applied with no conflict, the output in the same dialect', (way, checkArgs, fixArgs) => {
    const fixes = join(dir, `fixes-${way.replace(' ', '-')}.jsonl`);
    const output = join(dir, `out-${way.replace(' ', '-')}.csv`);
    const check = dqc(['check', input, '--as-of', '2026-11-01', '--fixes', fixes, '--quiet', ...checkArgs, ...bind]);
    expect(check.code, check.stderr).toBe(0);
    const fixed = dqc(['fix', input, '--fixes', fixes, '-o', output, ...fixArgs]);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('Fixes: 1 applied, 0 conflicts');
    expect(readFileSync(output, 'utf8')).toBe(c.fixed);
  });
});

describe('flags win over the pack', { timeout: 120_000 }, () => {
  it("--quote '\"' reads a file whose pack says ' as \"-quoted", () => {
    const dir = tempDir();
    dirs.push(dir);
    const input = join(dir, 'input.csv');
    writeFileSync(input, 'ma,ten,ghi_chu\n001,"Lê  Hoàng, Đức",x\n');
    writeFileSync(join(dir, 'pack.json'), JSON.stringify({ ...PACK, dialect: { quote: "'" } }));
    const { report } = dqcJson(['check', input, '--as-of', '2026-11-01', '-p', join(dir, 'pack.json'), '--quote', '"']);
    const rule = report.rules.find((r: { id: string }) => r.id === 'name-ws');
    expect(rule.samples.map((s: { value: string }) => s.value)).toEqual(['Lê  Hoàng, Đức']);
  });
});

describe('a register read without --skip-initial-space, and dqc profile', { timeout: 120_000 }, () => {
  const dir = tempDir();
  dirs.push(dir);
  const input = join(dir, 'register.csv');
  writeFileSync(input, CASES[0]!.text);
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(PACK));
  writeFileSync(join(dir, 'dialect-pack.json'), JSON.stringify({ ...PACK, name: 'dialect-test-d', dialect: { skip_initial_space: true } }));

  it('dqc check warns of the values that kept their quotes (cell/stray-quote), with line and column', () => {
    const { report } = dqcJson(['check', input, '--as-of', '2026-11-01', '-p', join(dir, 'pack.json')]);
    const stray = report.inputs[0].problems.find((p: { code: string }) => p.code === 'cell/stray-quote');
    expect(stray).toMatchObject({ severity: 'warning', count: 2 });
    expect(stray.samples[0]).toMatchObject({ line: 2, row: 1, column: 'ten' });
    expect(stray.samples[0].message).toContain('--skip-initial-space');
  });

  it.each([
    ['the flag', ['-p', join(dir, 'pack.json'), '--skip-initial-space']],
    ['the pack', ['-p', join(dir, 'dialect-pack.json')]],
  ])('dqc profile reads it with %s', (_way, args) => {
    const run = dqc(['profile', input, '-f', 'json', ...args]);
    expect(run.code, run.stderr).toBe(0);
    const profile = JSON.parse(run.stdout);
    expect(profile.inputs[0].problems).toEqual([]);
    expect(profile.inputs[0].columns.map((c: { name: string; filled: number }) => [c.name, c.filled])).toEqual([
      ['ma', 2],
      ['ten', 2],
      ['ghi_chu', 2],
    ]);
  });
});
