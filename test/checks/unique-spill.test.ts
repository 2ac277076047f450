import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCheck } from '../../src/engine/check.js';
import type { Finding } from '../../src/model.js';
import { resolvePacks } from '../../src/pack/resolve.js';
import { dayNumber } from '../../src/shared/dates.js';
import { tempDir } from '../support/cli.js';

// Past its memory budget `unique`'s key table spills keys to disk and finds their repeats at the
// end (src/dedupe/repeat-finder.ts). The budget is made tiny here so that the end() path runs: the
// same repeats must be found, classed and located as when everything fits in memory.
const budget = vi.hoisted(() => ({ bytes: undefined as number | undefined }));
vi.mock('../../src/dedupe/repeat-finder.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/dedupe/repeat-finder.js')>();
  class SmallFinder extends original.RepeatFinder {
    constructor(options: ConstructorParameters<typeof original.RepeatFinder>[0] = {}) {
      super({ ...options, memoryBudget: budget.bytes ?? options.memoryBudget });
    }
  }
  return { ...original, RepeatFinder: SmallFinder };
});

function registerWithRepeats(rows: number): string {
  const lines = ['so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh'];
  for (let i = 1; i <= rows; i++) {
    // Every 7th row repeats an earlier ID: the same row, the name in capitals, or another person.
    const id = i % 7 === 0 ? 100000000000 + ((i * 13) % (i - 1)) + 1 : 100000000000 + i;
    const name = i % 21 === 0 ? 'NGUYỄN VĂN AN' : i % 14 === 0 ? 'Trần Thị Bình' : 'Nguyễn Văn An';
    lines.push(`0${id},${name},0${(i % 9) + 1}/01/1990,${i % 2 ? 'Nam' : 'Nữ'}`);
  }
  const path = join(tempDir('dqc-unique-spill-'), 'register.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** The shipped pack without same-person: 30,000 namesakes born on nine days would only make it slow. */
function packWithoutSamePerson(): string {
  const path = join(tempDir('dqc-unique-spill-pack-'), 'pack.json');
  writeFileSync(path, JSON.stringify({ name: 'unique-spill', extends: 'vn-population', rules: [{ id: 'same-person', severity: 'off' }] }));
  return path;
}

async function repeats(path: string): Promise<string[]> {
  const findings: Finding[] = [];
  await runCheck({
    inputs: [path],
    pack: resolvePacks([packWithoutSamePerson()]),
    asOfDay: dayNumber(2026, 11, 1),
    sampleSize: 5,
    gate: { failOn: 'error', maxWarnings: null },
    onFinding: (f) => findings.push(f),
    threads: 1,
  });
  return findings
    .filter((f) => f.check === 'unique')
    .map((f) => JSON.stringify([f.row, f.line, f.messageId, f.data, f.value, f.fix]))
    .sort();
}

describe('unique past its memory budget', () => {
  it('finds, classes and locates the repeats of spilled keys as it does in memory', async () => {
    const path = registerWithRepeats(30_000);
    budget.bytes = undefined;
    const inMemory = await repeats(path);
    budget.bytes = 64 * 1024;
    const spilled = await repeats(path);
    expect(inMemory.length).toBeGreaterThan(3000);
    expect(spilled).toEqual(inMemory);
  });
});
