// Date format inference: the candidate that reads the most values wins; ties go to day-first and to
// zero-padded formats (the Vietnamese convention), month-first needs values only it can read.
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/shared/dates.js';
import { DateFormatTracker } from '../../src/profile/date-formats.js';

function best(values: readonly string[]) {
  const tracker = new DateFormatTracker();
  for (const v of values) tracker.add(v, 1);
  const result = tracker.best();
  return result && { format: result.format, count: result.count, min: formatDay(result.min), max: formatDay(result.max) };
}

describe('DateFormatTracker', () => {
  it.each<[string, string[], string | null]>([
    ['Vietnamese dates', ['14/10/2013', '28/11/1949', '05/03/1990'], 'dd/MM/yyyy'],
    ['day ≤ 12 everywhere: day-first wins the tie', ['05/03/1990', '01/02/2000', '12/11/1985'], 'dd/MM/yyyy'],
    ['a value only month-first can read', ['05/03/1990', '10/14/2013', '01/02/2000'], 'MM/dd/yyyy'],
    ['unpadded day and month', ['5/3/1990', '14/10/2013', '1/12/2000'], 'd/M/yyyy'],
    ['ISO days', ['2013-10-14', '1949-11-28'], 'yyyy-MM-dd'],
    ['ISO with times', ['2013-10-14T08:30:00Z', '1949-11-28 10:00'], 'iso'],
    ['dashes, day first', ['14-10-2013', '28-11-1949'], 'dd-MM-yyyy'],
    ['dots', ['14.10.2013', '28.11.1949'], 'dd.MM.yyyy'],
    ['compact', ['20131014', '19491128'], 'yyyyMMdd'],
    ['with a time of day', ['14/10/2013 08:30:00', '28/11/1949 23:59:59'], 'dd/MM/yyyy HH:mm:ss'],
    ['not dates', ['Nguyễn Văn An', '0912345678', 'abc'], null],
  ])('%s → %s', (_, values, format) => {
    expect(best(values)?.format ?? null).toBe(format);
  });

  it('reports the range of days it read', () => {
    expect(best(['14/10/2013', '28/11/1949', 'not a date', '31/02/2000'])).toEqual({
      format: 'dd/MM/yyyy',
      count: 2,
      min: '1949-11-28',
      max: '2013-10-14',
    });
  });

  it('counts weighted values (a distinct value seen many times)', () => {
    const tracker = new DateFormatTracker();
    tracker.add('14/10/2013', 500);
    tracker.add('10/14/2013', 1);
    expect(tracker.best()?.format).toBe('dd/MM/yyyy');
    expect(tracker.best()?.count).toBe(500);
  });

  it('drops candidates that lost, and still reads the rest of a long column', () => {
    const tracker = new DateFormatTracker();
    for (let i = 0; i < 5_000; i++) tracker.add(`${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/19${50 + (i % 50)}`, 1);
    const result = tracker.best();
    expect(result?.format).toBe('dd/MM/yyyy');
    expect(result?.count).toBe(5_000);
  });
});
