import { describe, expect, it } from 'vitest';
import { CLI_FLAGS, LIBRARY_NAMES, normalizeReadOptions, normalizeRunOptions } from '../../src/api/options.js';
import { normalizeFixOptions } from '../../src/api/fix.js';
import { normalizeProfileOptions } from '../../src/api/profile.js';
import { applyFixes, check, DqcError, formatError, profile, reconcile } from '../../src/index.js';
import { dayNumber } from '../../src/shared/dates.js';

// The library's front door checks its options exactly as the command line checks its flags (one
// normaliser, src/api/options.ts): each option one canonical value or a coded error naming it.

const CLEAN = 'fixtures/population-clean.csv';

async function refusal(run: () => Promise<unknown>): Promise<DqcError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DqcError);
  return error as DqcError;
}

describe('check() refuses what dqc check refuses', () => {
  it.each([
    [{ asOf: '2026-13-45' }, 'asOf', '"2026-13-45" is not valid (yyyy-mm-dd)'],
    [{ asOf: 'garbage' }, 'asOf', '"garbage" is not valid (yyyy-mm-dd)'],
    [{ failOn: 'critical' as 'error' }, 'failOn', '"critical" is not valid (error, warning)'],
    [{ sample: -5 }, 'sample', '"-5" is not valid (0, 1, 2 …)'],
    [{ sample: 2.5 }, 'sample', '"2.5" is not valid (0, 1, 2 …)'],
    [{ maxWarnings: -1 }, 'maxWarnings', '"-1" is not valid (0, 1, 2 …)'],
    [{ threads: 0 }, 'threads', '"0" is not valid (1 … 64)'],
    [{ delimiter: ';;' }, 'delimiter', '";;" is not valid (, ; | tab)'],
    [{ maxFieldSize: '2GiB' }, 'maxFieldSize', '"2GiB" is not valid (1048576, 64k, 16MiB … up to 512MiB)'],
    [{ fixes: 'fixes.ods' }, 'fixes', '"fixes.ods" is not valid (*.csv, *.jsonl, *.xlsx)'],
    [{ lang: 'fr' as 'en' }, 'lang', '"fr" is not valid (en, vi)'],
  ])('%o: DQC_USAGE naming %s', async (options, name, says) => {
    const error = await refusal(() => check([CLEAN], options));
    expect(error.code).toBe('DQC_USAGE');
    expect(error.details[0]?.path).toBe(name);
    expect(error.message).toBe(`Invalid command line:\n  ${name}: ${says}`);
  });

  it('says it in the caller language, and formatError writes it as the command line does', async () => {
    const error = await refusal(() => check([CLEAN], { asOf: '2026-13-45', lang: 'vi' }));
    expect(error.message).toBe('Dòng lệnh không hợp lệ:\n  asOf: "2026-13-45" không hợp lệ (yyyy-mm-dd)');
    expect(formatError(error, 'en')).toBe('dqc: Invalid command line:\n  asOf: "2026-13-45" is not valid (yyyy-mm-dd)');
    expect(formatError(new Error('boom'), 'vi')).toBe('dqc: Lỗi nội bộ (vui lòng báo lại cho nhóm phát triển): boom');
  });

  it('keeps a readable message on every DqcError, in English until a language is asked for', () => {
    const error = new DqcError('DQC_INPUT_NOT_FOUND', { path: 'x.csv' });
    expect(error.message).toBe('No input matches x.csv');
    expect(error.inLanguage('vi').message).toBe('Không tìm thấy tệp đầu vào nào khớp với x.csv');
  });

  it('says a missing input in the caller language too', async () => {
    const error = await refusal(() => check(['fixtures/nope-*.csv'], { lang: 'vi' }));
    expect(error.code).toBe('DQC_INPUT_NOT_FOUND');
    expect(error.message).toBe('Không tìm thấy tệp đầu vào nào khớp với fixtures/nope-*.csv');
  });

  it('runs with valid options given as the command line gives them or as values', async () => {
    const asValues = await check([CLEAN], { asOf: '2026-11-01', sample: 2, maxFieldSize: 1 << 20, threads: 1 });
    const asText = normalizeRunOptions({ asOf: '2026-11-01', sample: '2', maxFieldSize: '1MiB', threads: '1' }, CLI_FLAGS);
    expect(asText).toMatchObject({ sample: 2, threads: 1, asOfDay: dayNumber(2026, 11, 1), read: { maxFieldSize: 1 << 20 } });
    expect(asValues.asOf).toBe('2026-11-01');
    expect(asValues.settings.sample).toBe(2);
    expect(asValues.rules.every((rule) => rule.samples.length <= 2)).toBe(true);
  });
});

describe('the other doors', () => {
  it('reconcile() needs one reference that is not an input', async () => {
    expect((await refusal(() => reconcile([CLEAN], { reference: '' }))).details[0]).toMatchObject({ path: 'reference', key: 'reconcile.reference-required' });
    expect((await refusal(() => reconcile([CLEAN], { reference: CLEAN }))).details[0]).toMatchObject({ key: 'reconcile.reference-is-input' });
    expect((await refusal(() => reconcile([CLEAN], { reference: 'fixtures/reconcile-reference.csv', asOf: '31/12/2026' }))).details[0]?.path).toBe('asOf');
  });

  it('profile() checks --top and the reading options', async () => {
    expect((await refusal(() => profile([CLEAN], { top: 5000 }))).message).toBe('Invalid command line:\n  top: "5000" is not valid (0 … 1000)');
    const result = await profile([CLEAN], { top: 3, asOf: '2026-11-01' });
    expect(result.inputs[0]?.columns.every((column) => column.top.length <= 3)).toBe(true);
  });

  it('applyFixes() checks its options before it reads anything', async () => {
    const missing = await refusal(() => applyFixes({ input: CLEAN, fixes: '', output: '/tmp/x.csv' }));
    expect(missing.details[0]).toMatchObject({ path: 'fixes', key: 'fix.option-required' });
    const bad = await refusal(() => applyFixes({ input: CLEAN, fixes: 'f.csv', output: '/tmp/x.csv', minConfidence: 2, lang: 'vi' }));
    expect(bad.message).toBe('Dòng lệnh không hợp lệ:\n  minConfidence: "2" không hợp lệ (một số từ 0 đến 1)');
  });
});

describe('one normaliser, two spellings of each option', () => {
  it.each([
    ['delimiter', { delimiter: 'tab' }, { read: { delimiter: '\t' } }],
    ['delimiter', { delimiter: 'Semicolon' }, { read: { delimiter: ';' } }],
    ['maxFieldSize', { maxFieldSize: '64k' }, { read: { maxFieldSize: 65536 } }],
    ['maxFieldSize', { maxFieldSize: 65536 }, { read: { maxFieldSize: 65536 } }],
    ['asOf', { asOf: '2024-02-29' }, { asOfDay: dayNumber(2024, 2, 29) }],
    ['csvReader', { csvReader: 'csv-parse' }, { read: { csvReader: 'csv-parse' } }],
  ])('%s %o', (_name, raw, expected) => {
    expect(normalizeReadOptions(raw)).toMatchObject(expected);
  });

  it.each([
    [{ asOf: '2023-02-29' }, '--as-of', 'asOf'],
    [{ delimiter: '"' }, '--delimiter', 'delimiter'],
    [{ maxFieldSize: '0' }, '--max-field-size', 'maxFieldSize'],
    [{ csvReader: 'fast' }, 'DQC_CSV_READER', 'csvReader'],
  ])('%o is refused as %s on the command line and %s in the library', (raw, flag, name) => {
    for (const [names, path] of [
      [CLI_FLAGS, flag],
      [LIBRARY_NAMES, name],
    ] as const) {
      let error: unknown;
      try {
        normalizeReadOptions(raw, names);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DqcError);
      expect((error as DqcError).details[0]?.path).toBe(path);
    }
  });

  it('profile and fix options keep the command line order: the first wrong option is the one named', () => {
    expect(() => normalizeProfileOptions({ top: 'x', asOf: 'y' }, CLI_FLAGS)).toThrow(/--top/);
    expect(() => normalizeFixOptions({ input: 'a.csv', fixes: 'f.csv', output: 'o.csv', minConfidence: 'x', delimiter: '""' }, CLI_FLAGS)).toThrow(
      /--min-confidence/,
    );
  });
});
