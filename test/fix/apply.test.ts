import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { applyFixes, type ApplyOptions } from '../../src/fix/apply.js';
import type { FixRecord } from '../../src/fix/model.js';
import type { AuditEntry } from '../../src/fix/row-fixer.js';
import { openFixWriter } from '../../src/fix/writer.js';
import { tempDir } from '../support/cli.js';
import { readAll } from '../hostile/support.js';

type Fix = Omit<FixRecord, 'fix_id'>;

function fix(over: Partial<Fix>): Fix {
  return {
    file: 'in.csv',
    row: 1,
    key: '',
    column: 'name',
    action: 'set',
    current_value: '',
    proposed_value: '',
    rule: 'r',
    dimension: 'clean',
    confidence: 1,
    reason: '',
    ...over,
  };
}

interface Run {
  dir: string;
  output: Buffer;
  dropped: Buffer;
  audit: AuditEntry[];
  result: Awaited<ReturnType<typeof applyFixes>>;
}

/** Writes the input and the list in a fresh folder, applies, and reads every output back. */
async function run(name: string, input: Buffer | string, fixes: Fix[], options: Partial<ApplyOptions> = {}): Promise<Run> {
  const dir = tempDir();
  writeFileSync(join(dir, name), input);
  const list = join(dir, 'fixes.jsonl');
  const writer = openFixWriter(list, {});
  for (const f of fixes) writer.add({ ...f, file: join(dir, name) });
  await writer.commit();
  const output = join(dir, options.output ?? `out-${name}`);
  const result = await applyFixes({ input: join(dir, name), fixes: list, ...options, output });
  const audit = readFileSync(result.audit, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditEntry);
  return { dir, output: readFileSync(output), dropped: readFileSync(result.dropped), audit, result };
}

const CSV = 'id,name,note\r\n1, An ,"x, y"\r\n2,Bình,"line\nbreak"\r\n3,N/A,z\r\n4,Dũng,w\r\n';

describe('applyFixes on CSV', () => {
  it('applies, writes the audit, and accounts for every row (in = out + dropped)', async () => {
    const r = await run('in.csv', CSV, [
      fix({ row: 1, current_value: ' An ', proposed_value: 'An' }),
      fix({ row: 3, action: 'clear', current_value: 'N/A' }),
      fix({ row: 4, action: 'merge_into', column: 'id', current_value: '4', proposed_value: '1' }),
      fix({ row: 2, current_value: 'Binh', proposed_value: 'Bình Minh' }),
      fix({ row: 2, action: 'review', current_value: 'Bình' }),
      fix({ row: 9, current_value: 'x', proposed_value: 'y' }),
    ]);
    expect(r.output.toString()).toBe('id,name,note\r\n1,An,"x, y"\r\n2,Bình,"line\nbreak"\r\n3,,z\r\n');
    expect(r.dropped.toString()).toBe('id,name,note\r\n4,Dũng,w\r\n');
    expect(r.result.rows).toEqual({ in: 4, out: 3, dropped: 1 });
    expect(r.result.fixes).toMatchObject({ applied: 3, conflicts: 2, skipped: 1 });
    expect(r.audit.map((e) => [e.row, e.status, e.reason, e.before, e.after, e.output_row])).toEqual([
      [1, 'applied', null, ' An ', 'An', 1],
      [2, 'conflict', 'changed', 'Bình', null, 2],
      [2, 'skipped', 'review', null, null, 2],
      [3, 'applied', null, 'N/A', '', 3],
      [4, 'applied', null, '4', null, null],
      [9, 'conflict', 'row-missing', null, null, null],
    ]);
    // the audit names every fix of the list once
    expect(new Set(r.audit.map((e) => e.fix_id)).size).toBe(6);
  });

  it('keeps untouched records byte for byte: random CSV, no fix → the output is the input', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r') });
    const text = fc
      .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([rows, eol, bom]) => (bom ? '\ufeff' : '') + ['h1,h2', ...rows.map((cells) => cells.join(','))].join(eol));
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const name = join(dir, `in${n++}.csv`);
        writeFileSync(name, input);
        const list = join(dir, 'empty.jsonl');
        writeFileSync(list, '');
        try {
          const result = await applyFixes({ input: name, fixes: list, output: `${name}.out.csv` });
          expect(readFileSync(`${name}.out.csv`).equals(readFileSync(name))).toBe(true);
          expect(result.rows.dropped).toBe(0);
        } catch (error) {
          // an unclosed quote: nothing to fix safely, nothing written
          expect((error as { code?: string }).code).toBe('DQC_FIXES_INVALID');
          expect(existsSync(`${name}.out.csv`)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('rewrites only the changed cell, quoting it when needed; other cells and line endings stay', async () => {
    const input = 'a;b;c\r\n"1";x;"q ""z"""\r\n2;y;z\r\n';
    const r = await run('semi.csv', input, [
      fix({ file: 'semi.csv', row: 1, column: 'b', current_value: 'x', proposed_value: 'x;"y"\nz' }),
      fix({ file: 'semi.csv', row: 2, column: 'c', current_value: 'z', proposed_value: 'Z' }),
    ]);
    expect(r.output.toString()).toBe('a;b;c\r\n"1";"x;""y""\nz";"q ""z"""\r\n2;y;Z\r\n');
  });

  it('keeps a UTF-8 BOM and a last line without a line ending', async () => {
    const r = await run('bom.csv', '\ufeffname\nAn \nBình', [fix({ file: 'bom.csv', row: 2, current_value: 'Bình', proposed_value: 'Bình An' })]);
    expect(r.output.toString()).toBe('\ufeffname\nAn \nBình An');
    expect(r.dropped.toString()).toBe('\ufeffname\n');
  });

  it('windows-1258 stays windows-1258: new Vietnamese text encoded, other bytes untouched', async () => {
    // "Nguyễn" in windows-1258: e + circumflex is 0xEA, the tilde a combining mark 0xDE
    const nguyen = Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]);
    const input = Buffer.concat([Buffer.from('name,x\r\n'), nguyen, Buffer.from(',1\r\n'), Buffer.from([0x80, 0x81]), Buffer.from(',2\r\n')]);
    const r = await run('cp.csv', input, [fix({ file: 'cp.csv', row: 1, current_value: 'Nguyễn', proposed_value: 'Nguyễn Thị Ệ' })], { encoding: 'windows-1258' });
    expect(r.result.encoding).toBe('windows-1258');
    expect(r.result.fixes.applied).toBe(1);
    const text = new TextDecoder('windows-1258').decode(r.output).normalize('NFC');
    expect(text).toBe('name,x\r\nNguyễn Thị Ệ,1\r\n€\u0081,2\r\n');
    // the untouched row keeps its exact bytes
    expect(r.output.subarray(r.output.length - 6).equals(Buffer.from([0x80, 0x81, 0x2c, 0x32, 0x0d, 0x0a]))).toBe(true);
  });

  it('windows-1258 with --utf8: the output is UTF-8 with a BOM, composed (NFC)', async () => {
    const input = Buffer.concat([Buffer.from('name\r\n'), Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]), Buffer.from('\r\nAn \r\n')]);
    const r = await run('cp.csv', input, [fix({ file: 'cp.csv', row: 2, current_value: 'An ', proposed_value: 'An' })], { encoding: 'windows-1258', utf8: true });
    expect(r.result.outputEncoding).toBe('utf-8');
    expect(r.output.toString('utf8')).toBe('\ufeffname\r\nNguyễn\r\nAn\r\n');
  });

  it('a value the input encoding cannot hold is skipped (unencodable), unless --utf8', async () => {
    const r = await run('l1.csv', 'name\nA\n', [fix({ file: 'l1.csv', current_value: 'A', proposed_value: 'Ệ' })], { encoding: 'latin1' });
    expect(r.audit[0]).toMatchObject({ status: 'skipped', reason: 'unencodable' });
    expect(r.output.toString('latin1')).toBe('name\nA\n');
  });

  it('UTF-16LE with its BOM stays UTF-16LE', async () => {
    const input = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\r\nAn \r\nBình\r\n', 'utf16le')]);
    const r = await run('u16.csv', input, [fix({ file: 'u16.csv', row: 1, current_value: 'An ', proposed_value: 'Ân' })]);
    expect(r.output.equals(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\r\nÂn\r\nBình\r\n', 'utf16le')]))).toBe(true);
  });

  it('gzip in, gzip out', async () => {
    const r = await run('z.csv.gz', gzipSync('name\nAn \n'), [fix({ file: 'z.csv.gz', current_value: 'An ', proposed_value: 'An' })]);
    expect(gunzipSync(r.output).toString()).toBe('name\nAn\n');
    expect(r.result.dropped.endsWith('.dropped.csv.gz')).toBe(true);
  });

  it('numbers rows as the check does: the header and blank lines are not rows', async () => {
    const r = await run('blank.csv', '\nname,x\n\nA,1\n\nB,2\n', [fix({ file: 'blank.csv', row: 2, current_value: 'B', proposed_value: 'C' })]);
    expect(r.output.toString()).toBe('\nname,x\n\nA,1\n\nC,2\n');
    expect(r.result.rows).toEqual({ in: 2, out: 2, dropped: 0 });
  });

  it('numbers rows as the check does past blank rows (Excel ,,,, lines, quoted empties), copying them through', async () => {
    const input = ',,\r\nname,x\r\nA,1\r\n,\r\n"",""\r\nB,2\r\n,,\r\n,,\r\n';
    const r = await run('excel.csv', input, [
      fix({ file: 'excel.csv', row: 2, current_value: 'B', proposed_value: 'C' }),
      fix({ file: 'excel.csv', row: 1, column: 'x', action: 'drop_row', current_value: '1' }),
    ]);
    expect(r.audit.map((e) => [e.row, e.status, e.output_row])).toEqual([
      [1, 'applied', null],
      [2, 'applied', 1],
    ]);
    expect(r.output.toString()).toBe(',,\r\nname,x\r\n,\r\n"",""\r\nC,2\r\n,,\r\n,,\r\n');
    expect(r.dropped.toString()).toBe('name,x\r\nA,1\r\n');
    // blank rows are not rows: in = out + dropped counts the data rows only
    expect(r.result.rows).toEqual({ in: 2, out: 1, dropped: 1 });
  });

  it('numbers rows exactly as the check reader does, blank rows included: random CSV, a drop_row for every row read', async () => {
    const cell = fc.constantFrom('', '', 'a', 'é', ' ', '"q"', '"a,b"', '"l\nm"');
    const text = fc
      .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([rows, eol, lead]) => [...(lead ? [',,'] : []), 'h1,h2,h3', ...rows.map((cells) => cells.join(','))].join(eol) + eol);
    const dir = tempDir();
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(text, async (input) => {
          const name = join(dir, `in${n++}.csv`);
          writeFileSync(name, input);
          const read = await readAll(name);
          const list = `${name}.fixes.jsonl`;
          const writer = openFixWriter(list, {});
          for (const row of read.rows) writer.add({ ...fix({ row: row.row, column: 'h1', action: 'drop_row', current_value: row.cells[0] ?? '' }), file: name });
          await writer.commit();
          const result = await applyFixes({ input: name, fixes: list, output: `${name}.out.csv` });
          expect(result.rows).toEqual({ in: read.counts.rows, out: 0, dropped: read.counts.rows });
          expect(result.fixes.applied).toBe(read.rows.length);
          // what is left in the output is the header and the blank rows, as they were
          const left = await readAll(`${name}.out.csv`);
          expect([left.counts.rows, left.counts.blankRows]).toEqual([0, read.counts.blankRows]);
        }),
        { numRuns: 100 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not empty the last non-empty cell of a row: it would become a blank row and the rows after it would move', async () => {
    const r = await run('last.csv', 'name,x\nA,\nB,2\n', [
      fix({ file: 'last.csv', row: 1, current_value: 'A', proposed_value: '' }),
      fix({ file: 'last.csv', row: 2, current_value: 'B', proposed_value: '' }),
    ]);
    expect(r.audit.map((e) => [e.row, e.status, e.reason])).toEqual([
      [1, 'skipped', 'would-blank-row'],
      [2, 'applied', null],
    ]);
    expect(r.output.toString()).toBe('name,x\nA,\n,2\n');
  });

  it('refuses a file with an unclosed quote and leaves nothing behind', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.csv'), 'name\n"open\nA\n');
    writeFileSync(join(dir, 'l.jsonl'), '');
    await expect(applyFixes({ input: join(dir, 'q.csv'), fixes: join(dir, 'l.jsonl'), output: join(dir, 'o.csv') })).rejects.toMatchObject({
      code: 'DQC_FIXES_INVALID',
      location: { line: 2 },
    });
    expect(readdirSync(dir).sort()).toEqual(['l.jsonl', 'q.csv']);
  });

  it('refuses a row over --max-field-size (memory stays bounded), as the check stops there too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.csv'), `name\nA\n"${'x'.repeat(5000)}\n`);
    // a line that never ends: what a reader would have to hold whole
    writeFileSync(join(dir, 'big.ndjson'), `{"a":"b"}\n{"a":"${'x'.repeat(5000)}`);
    writeFileSync(join(dir, 'l.jsonl'), '');
    for (const name of ['big.csv', 'big.ndjson']) {
      await expect(
        applyFixes({ input: join(dir, name), fixes: join(dir, 'l.jsonl'), output: join(dir, `o-${name}`), maxFieldSize: 1024 }),
      ).rejects.toMatchObject({ code: 'DQC_FIXES_INVALID', details: [expect.objectContaining({ key: 'fix.input-row-too-large' })] });
    }
    expect(readdirSync(dir).sort()).toEqual(['big.csv', 'big.ndjson', 'l.jsonl']);
  });

  it('never writes in place, nor two outputs to one file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), 'a\n1\n');
    writeFileSync(join(dir, 'l.jsonl'), '');
    const input = join(dir, 'in.csv');
    await expect(applyFixes({ input, fixes: join(dir, 'l.jsonl'), output: join(dir, '.', 'in.csv') })).rejects.toMatchObject({ code: 'DQC_USAGE' });
    await expect(applyFixes({ input, fixes: join(dir, 'l.jsonl'), output: join(dir, 'o.csv'), audit: join(dir, 'o.csv') })).rejects.toMatchObject({
      code: 'DQC_USAGE',
    });
    expect(readFileSync(input, 'utf8')).toBe('a\n1\n');
  });

  it('refuses a JSON array input clearly', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), '[{"a":1}]');
    writeFileSync(join(dir, 'l.jsonl'), '');
    await expect(applyFixes({ input: join(dir, 'a.json'), fixes: join(dir, 'l.jsonl'), output: join(dir, 'o.json') })).rejects.toMatchObject({
      details: [expect.objectContaining({ key: 'fix.input-json-array' })],
    });
  });
});

describe('applyFixes on NDJSON', () => {
  it('rewrites changed lines only, copies the others and the unreadable ones, drops to the side file', async () => {
    const input = '{"id": "001", "name": " An", "n": 5}\r\n\n{bad json}\r\n{"id":"002","name":"Bình"}\r\n{"id":"003","name":"Cường"}';
    const r = await run('p.ndjson', input, [
      fix({ file: 'p.ndjson', row: 1, current_value: ' An', proposed_value: 'An' }),
      fix({ file: 'p.ndjson', row: 1, column: 'n', action: 'clear', current_value: '5' }),
      fix({ file: 'p.ndjson', row: 2, current_value: 'x', proposed_value: 'y' }),
      fix({ file: 'p.ndjson', row: 4, action: 'drop_row', column: 'id', current_value: '003' }),
    ]);
    expect(r.output.toString()).toBe('{"id":"001","name":"An","n":""}\r\n\n{bad json}\r\n{"id":"002","name":"Bình"}\r\n');
    expect(r.dropped.toString()).toBe('{"id":"003","name":"Cường"}');
    expect(r.result.rows).toEqual({ in: 4, out: 3, dropped: 1 });
    expect(r.audit.map((e) => [e.row, e.status, e.reason])).toEqual([
      [1, 'applied', null],
      [1, 'applied', null],
      [2, 'conflict', 'unreadable-row'],
      [4, 'applied', null],
    ]);
  });
});
