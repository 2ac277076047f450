import { describe, expect, it } from 'vitest';
import { UnionFind } from '../../src/dedupe/same-person/union-find.js';

describe('UnionFind', () => {
  it('starts with singletons', () => {
    const sets = new UnionFind(4);
    for (let i = 0; i < 4; i++) {
      expect(sets.find(i)).toBe(i);
      expect(sets.size(i)).toBe(1);
    }
  });

  it('joins sets transitively and reports a repeated union', () => {
    const sets = new UnionFind(6);
    expect(sets.union(0, 1)).toBe(true);
    expect(sets.union(2, 3)).toBe(true);
    expect(sets.union(1, 3)).toBe(true);
    expect(sets.union(0, 2)).toBe(false);
    expect(sets.find(0)).toBe(sets.find(3));
    expect(sets.size(2)).toBe(4);
    expect(sets.find(4)).not.toBe(sets.find(0));
    expect(sets.size(5)).toBe(1);
  });

  it('stays shallow on a long chain', () => {
    const n = 100_000;
    const sets = new UnionFind(n);
    for (let i = 1; i < n; i++) sets.union(i - 1, i);
    expect(sets.size(0)).toBe(n);
    expect(sets.find(n - 1)).toBe(sets.find(0));
  });
});

describe('UnionFind.together', () => {
  it('says whether two elements are in one set, as find does', () => {
    const sets = new UnionFind(100);
    const pairs: [number, number][] = [[1, 2], [40, 41], [2, 40], [63, 64], [99, 0]];
    for (const [a, b] of pairs) sets.union(a, b);
    for (let a = 0; a < 100; a++) {
      for (let b = 0; b < 100; b++) expect(sets.together(a, b), `${a} ${b}`).toBe(a === b ? sets.size(a) > 1 : sets.find(a) === sets.find(b));
    }
    expect(sets.together(1, 41)).toBe(true);
    expect(sets.together(1, 63)).toBe(false);
  });
});
