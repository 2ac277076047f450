import { describe, expect, it } from 'vitest';
import { ByteMemo } from '../../src/shared/byte-memo.js';
import { CellMemo } from '../../src/checks/support/cell-memo.js';
import type { RowView } from '../../src/checks/define.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('ByteMemo', () => {
  it('computes a value once per distinct byte sequence, wherever the bytes lie', () => {
    const seen: string[] = [];
    const memo = new ByteMemo((bytes, start, end) => {
      seen.push(new TextDecoder().decode(bytes.subarray(start, end)));
      return end - start;
    });
    const a = utf8('xx12/03/1985yy');
    const b = utf8('12/03/1985');
    expect(memo.get(a, 2, 12)).toBe(10);
    expect(memo.get(b, 0, 10)).toBe(10);
    expect(memo.get(utf8('Nguyễn'), 0, 8)).toBe(8);
    expect(memo.get(b, 0, 2)).toBe(2);
    expect(seen).toEqual(['12/03/1985', 'Nguyễn', '12']);
    expect(memo.size).toBe(3);
  });

  it('empties itself when full, telling its caller before it makes the next value', () => {
    const events: string[] = [];
    const memo = new ByteMemo(
      (bytes, start) => {
        events.push(`make ${bytes[start]}`);
        return bytes[start]!;
      },
      2,
      () => events.push('clear'),
    );
    for (const text of ['a', 'b', 'a', 'c', 'a']) memo.get(utf8(text), 0, 1);
    expect(events).toEqual(['make 97', 'make 98', 'clear', 'make 99', 'make 97']);
  });
});

/** A one-column RowView over a text, with its bytes unless `plain` is false (a quoted cell). */
function rowOf(text: string, plain = true): RowView {
  const bytes = utf8(text);
  return {
    file: 'f.csv',
    row: 1,
    line: 2,
    width: 1,
    value: () => text,
    cell: () => text,
    bytes(_k, cell) {
      if (!plain) return false;
      cell.bytes = bytes;
      cell.start = 0;
      cell.end = bytes.length;
      return true;
    },
  };
}

describe('CellMemo', () => {
  it('gives the value of the cell text, read once per distinct bytes and every time without bytes', () => {
    const texts: string[] = [];
    const memo = new CellMemo((text) => {
      texts.push(text);
      return text.length;
    });
    expect(memo.get(rowOf('Hoà'), 0)).toBe(3);
    expect(memo.get(rowOf('Hoà'), 0)).toBe(3);
    expect(memo.get(rowOf('Hoà', false), 0)).toBe(3);
    expect(memo.get({ ...rowOf('An'), bytes: undefined }, 0)).toBe(2);
    expect(texts).toEqual(['Hoà', 'Hoà', 'An']);
  });
});
