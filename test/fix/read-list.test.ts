import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DqcError } from '../../src/errors.js';
import { acceptValue, readFixList, type ListedFix } from '../../src/fix/read-list.js';
import { tempDir } from '../support/cli.js';

async function readAll(path: string): Promise<ListedFix[]> {
  const out: ListedFix[] = [];
  for await (const listed of readFixList(path)) out.push(listed);
  return out;
}

async function failure(path: string): Promise<DqcError> {
  try {
    await readAll(path);
  } catch (error) {
    if (error instanceof DqcError) return error;
    throw error;
  }
  throw new Error('expected a DqcError');
}

const HEADER = 'fix_id,file,row,key,column,action,current_value,proposed_value,rule,dimension,confidence,reason';

describe('reading a fix list back', () => {
  it('reads a list a spreadsheet saved: no BOM, semicolons, decimal comma, columns moved, an accept column and a note', async () => {
    const dir = tempDir();
    const path = join(dir, 'edited.csv');
    writeFileSync(
      path,
      [
        'accept;note;reason;confidence;dimension;rule;proposed_value;current_value;action;column;key;row;file;fix_id',
        'có;ok;why;0,95;clean;r1;Nguyễn Văn An;\' Nguyễn Văn An;set;ho_ten;001;7;a.csv;0123456789abcdef',
        ';;why;1;clean;r1;;\'-5;clear;so;001;8;a.csv;0123456789abcdee',
        'no;;why;1;clean;r1;3;x;merge_into;so;001;9;a.csv;0123456789abcded',
      ].join('\n'),
    );
    const listed = await readAll(path);
    expect(listed.map((l) => l.accept)).toEqual([true, false, false]);
    expect(listed[0]!.record).toEqual({
      fix_id: '0123456789abcdef',
      file: 'a.csv',
      row: 7,
      key: '001',
      column: 'ho_ten',
      action: 'set',
      current_value: ' Nguyễn Văn An',
      proposed_value: 'Nguyễn Văn An',
      rule: 'r1',
      dimension: 'clean',
      confidence: 0.95,
      reason: 'why',
    });
    expect(listed[1]!.record.current_value).toBe('-5');
    expect(listed.map((l) => l.line)).toEqual([2, 3, 4]);
  });

  it.each([
    ['yes', true],
    ['Y', true],
    ['x', true],
    ['1', true],
    ['TRUE', true],
    ['Có', true],
    ['đồng ý', true],
    ['Đồng Ý', true],
    ['', false],
    ['no', false],
    ['không', false],
    ['0', false],
  ])('accept %j → %s', (cell, expected) => {
    expect(acceptValue(cell)).toBe(expected);
  });

  it('JSONL: accept as a boolean or a word', async () => {
    const dir = tempDir();
    const path = join(dir, 'l.jsonl');
    const base = { fix_id: '0123456789abcdef', file: 'a.csv', row: 1, key: '', column: 'c', action: 'clear', current_value: 'N/A', proposed_value: '', rule: 'r', dimension: 'sufficient', confidence: 1, reason: '' };
    writeFileSync(path, [{ ...base, accept: true }, { ...base, accept: 'không' }, base].map((r) => JSON.stringify(r)).join('\r\n') + '\r\n');
    const listed = await readAll(path);
    expect(listed.map((l) => l.accept)).toEqual([true, false, null]);
    expect(listed[0]!.record).toEqual(base);
  });

  it.each([
    ['a bad action', `${HEADER}\n0123456789abcdef,a.csv,1,,c,delete,x,,r,clean,1,why`, 2, /\/action/],
    ['a confidence over 1', `${HEADER}\n0123456789abcdef,a.csv,1,,c,set,x,y,r,clean,1.5,why`, 2, /\/confidence/],
    ['a row that is not a number', `${HEADER}\n0123456789abcdef,a.csv,seven,,c,set,x,y,r,clean,1,why`, 2, /\/row/],
    ['a missing column', 'fix_id,file,row\n0123456789abcdef,a.csv,1', 1, /key/],
    ['a short record', `${HEADER}\n0123456789abcdef,a.csv,1`, 2, /./],
  ])('refuses %s with its line (exit code 2)', async (_what, text, line, detail) => {
    const dir = tempDir();
    const path = join(dir, 'bad.csv');
    writeFileSync(path, text);
    const error = await failure(path);
    expect(error.code).toBe('DQC_FIXES_INVALID');
    expect(error.location?.line).toBe(line);
    expect(JSON.stringify(error.details)).toMatch(detail);
  });

  it('refuses a list that is not UTF-8 and says how to save it', async () => {
    const dir = tempDir();
    const path = join(dir, 'ansi.csv');
    writeFileSync(path, Buffer.concat([Buffer.from(`${HEADER}\n0123456789abcdef,a.csv,1,,c,set,`), Buffer.from([0xc3, 0x28]), Buffer.from(',y,r,clean,1,why\n')]));
    const error = await failure(path);
    expect(error.code).toBe('DQC_FIXES_INVALID');
    expect(error.details[0]!.key).toBe('fix.list-not-utf8');
  });

  it('refuses a JSONL line that is not JSON, with its line', async () => {
    const dir = tempDir();
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, '\n{"fix_id": \n');
    const error = await failure(path);
    expect(error.location?.line).toBe(2);
    expect(error.details[0]!.key).toBe('fix.list-unreadable');
  });
});
