// The comparators of a same-person rule's extra columns (options.compare): each level on a table of
// value pairs, and the number reader behind `numeric`.
import { describe, expect, it } from 'vitest';
import { dateLevel } from '../../src/dedupe/same-person/comparisons.js';
import { boundedEditDistance, COMPARATOR_LEVELS, numericLevel, readNumber, textLevel } from '../../src/dedupe/same-person/extra-fields.js';

const level = (comparator: keyof typeof COMPARATOR_LEVELS, k: number) => COMPARATOR_LEVELS[comparator][k - 1];

describe('extra-column comparators', () => {
  it.each([
    ['giao vien', 'giao vien', 0],
    ['giao vien', 'giao vien', 0],
    ['kitten', 'sitten', 1],
    ['kitten', 'sittin', 2],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1], // a swap of neighbours is one edit
    ['nguyen', 'nguyne', 1],
    ['abc', '', 3],
    ['abcdef', 'ab', 3], // lengths alone rule it out
  ])('edit distance %s / %s = %i (counted up to 2)', (a, b, d) => {
    expect(boundedEditDistance(a, b, 2)).toBe(d);
  });

  it.each([
    ['exact', 'teacher', 'teacher', 'exact'],
    ['exact', 'teacher', 'teachers', 'different'],
    ['edit-distance', 'teacher', 'taecher', 'one-edit'],
    ['edit-distance', 'teacher', 'techr', 'two-edits'],
    ['edit-distance', 'teacher', 'farmer', 'different'],
    ['jaro-winkler', 'katherine', 'kathryn', 'similar'],
    ['jaro-winkler', 'martha', 'marhta', 'very-similar'],
    ['jaro-winkler', 'dwayne', 'duane', 'similar'],
    ['jaro-winkler', 'teacher', 'farmer', 'different'],
  ] as const)('%s: %s / %s is %s', (comparator, a, b, expected) => {
    expect(level(comparator, textLevel(comparator, a, b))).toBe(expected);
  });

  it.each([
    [170, 170, undefined, 'exact'],
    [170, 172, 2, 'close'],
    [170, 173, 2, 'different'],
    [100, 104, undefined, 'close'], // 5% of the larger value by default
    [100, 106, undefined, 'different'],
    [-3, -3.1, 0.5, 'close'],
  ])('numeric %d / %d (tolerance %s) is %s', (a, b, tolerance, expected) => {
    expect(level('numeric', numericLevel(a, b, tolerance))).toBe(expected);
  });

  it('numeric: a blank side is missing (level 0)', () => {
    expect(numericLevel(NaN, 5, 1)).toBe(0);
  });

  it.each([
    [20240315, 20240315, 'exact'],
    [20240315, 20240318, 'one-digit'],
    [20240305, 20240503, 'swapped'],
    [19840315, 19940315, 'one-digit-decade'],
    [20240315, 20241120, 'same-year'],
    [20240315, 19991120, 'different'],
  ])('date %d / %d is %s', (a, b, expected) => {
    expect(level('date', dateLevel(a, b, false, false))).toBe(expected);
  });

  it.each([
    ['42', 42],
    [' 1,5 ', 1.5],
    ['1,234', 1234],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1 234', 1234],
    ['-0.5', -0.5],
    ['', NaN],
    ['abc', NaN],
    ['12a', NaN],
  ])('reads %j as %d', (text, expected) => {
    expect(readNumber(text)).toBe(expected);
  });
});
