// Quality of the same-person check on a register with planted duplicates and look-alikes
// (fixtures/same-person.ts): the small version of bench/dedupe-quality.ts, 2,000 people, the real
// engine through `check()`, pairwise precision / recall / F1 against the ground truth.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE, runQuality, type QualityRun } from '../../bench/dedupe-quality.js';
import { AS_OF } from '../../fixtures/generate.js';
import {
  SAME_PERSON_SEED,
  samePersonRows,
  tonePlacementVariant,
  withoutDiacritics,
  writeSamePersonFiles,
  type PairQuality,
} from '../../fixtures/same-person.js';

const PACK = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'dedupe-pack.json');
const PEOPLE = 2000;

describe('fixtures/same-person.ts', () => {
  const rows = [...samePersonRows({ seed: SAME_PERSON_SEED, people: 300, asOf: AS_OF })];

  it('is deterministic', () => {
    const again = [...samePersonRows({ seed: SAME_PERSON_SEED, people: 300, asOf: AS_OF })];
    expect(again).toEqual(rows);
  });

  it('keeps every clean person once and plants duplicates and look-alikes after them', () => {
    const originals = rows.filter((r) => r.role === 'original');
    expect(originals.map((r) => r.person)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const seen = new Set<number>();
    for (const r of rows) {
      if (r.role === 'original') seen.add(r.person);
      if (r.role === 'duplicate') expect(seen.has(r.person)).toBe(true);
      if (r.role === 'look-alike') {
        expect(seen.has(r.resembles)).toBe(true);
        expect(r.person).toBeGreaterThan(300);
      }
    }
    expect(rows.some((r) => r.role === 'duplicate')).toBe(true);
    expect(rows.some((r) => r.role === 'look-alike')).toBe(true);
  });

  it('gives every duplicate an ID state and at least one more variation', () => {
    for (const r of rows.filter((x) => x.role === 'duplicate')) {
      expect(r.kinds.filter((k) => k.startsWith('id-'))).toHaveLength(1);
      expect(r.kinds.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('never gives a look-alike a clean person’s ID', () => {
    const ids = new Set(rows.filter((r) => r.role === 'original').map((r) => r.row.so_dinh_danh));
    for (const r of rows.filter((x) => x.role === 'look-alike' && x.row.so_dinh_danh !== '')) {
      expect(ids.has(r.row.so_dinh_danh)).toBe(false);
    }
  });

  it('spells names the ways the variations say', () => {
    expect(withoutDiacritics('Đặng Thị Thuỷ')).toBe('Dang Thi Thuy');
    expect(tonePlacementVariant('Lê Văn Hòa')).toBe('Lê Văn Hoà');
    expect(tonePlacementVariant('Nguyễn Thị Thuỷ')).toBe('Nguyễn Thị Thủy');
    expect(tonePlacementVariant('Trần Quý')).toBeNull();
    expect(tonePlacementVariant('Lê Văn Toàn')).toBeNull();
  });
});

describe(`same-person quality on ${PEOPLE.toLocaleString('en-US')} planted people`, () => {
  let dir: string;
  let run: QualityRun;
  let q: PairQuality;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dqc-same-person-'));
    const csv = join(dir, 'register.csv');
    const truth = join(dir, 'truth.csv');
    await writeSamePersonFiles(csv, truth, { seed: SAME_PERSON_SEED, people: PEOPLE, asOf: AS_OF });
    run = await runQuality(csv, readFileSync(truth, 'utf8'), PACK);
    q = run.quality.get(DEFAULT_RULE)!;
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no block capped and joins no planted look-alike beyond a few', () => {
    expect(run.notes).toEqual([]);
    const joined = [...q.lookAlikes.values()].reduce((n, x) => n + x.joined, 0);
    expect(joined).toBeLessThanOrEqual(2);
  });

  // The targets at the default threshold: precision ≥ 0.99 and F1 ≥ 0.97. Measured on this set
  // on 2026-12-07 with the learnt Fellegi–Sunter model: precision 0.997, recall 0.966, F1 0.981 (the
  // hand weights before it: 0.997, 0.920, 0.957). `npx tsx bench/dedupe-quality.ts` prints recall per
  // variation kind, the threshold sweep and the learnt m/u table.
  it('has precision ≥ 0.99 at the default threshold', () => {
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
  });

  it('reaches F1 ≥ 0.97 and recall ≥ 0.95 at the default threshold (the issue’s targets)', () => {
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
    expect(q.f1).toBeGreaterThanOrEqual(0.97);
  });
});
