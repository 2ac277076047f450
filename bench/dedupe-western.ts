// npx tsx bench/dedupe-western.ts [--people 20000]: how well the same-person rule, its columns named
// by role, finds the planted duplicates of a Western-order register (fixtures/western-persons.ts:
// names in two columns, address in six, an identity number; typing, OCR and phonetic errors,
// swapped and missing fields, nicknames, moves) — a register unlike the Vietnamese one, where the
// model can only do well by learning its weights from the data. Same tables as
// bench/dedupe-quality.ts: pairwise precision, recall and F1 at the default threshold and a sweep,
// recall per corruption kind, look-alikes wrongly joined.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WESTERN_SEED, writeWesternFiles } from '../fixtures/western-persons.js';
import { formatQuality, runQuality, SWEEP } from './dedupe-quality.js';

const here = dirname(fileURLToPath(import.meta.url));
const CACHE_DIR = join(here, '.cache');

const { values } = parseArgs({ options: { people: { type: 'string', default: '20000' } } });
const people = Number(values.people);
if (!Number.isInteger(people) || people < 2) throw new Error('--people takes a whole number of 2 or more');

mkdirSync(CACHE_DIR, { recursive: true });
const generator = readFileSync(join(here, '..', 'fixtures', 'western-persons.ts'), 'utf8').length;
const base = join(CACHE_DIR, `western-${people}-${generator}`);
const csv = `${base}.csv`;
const truth = `${base}.truth.csv`;
if (!existsSync(csv) || !existsSync(truth)) {
  await writeWesternFiles(`${csv}.partial`, `${truth}.partial`, { seed: WESTERN_SEED, people });
  renameSync(`${truth}.partial`, truth);
  renameSync(`${csv}.partial`, csv);
}

// The rule of the pack, then one per swept threshold, in the same pass.
const pack = JSON.parse(readFileSync(join(here, 'dedupe-western.pack.json'), 'utf8')) as { name: string; rules: Record<string, unknown>[]; $schema?: string };
const [rule] = pack.rules;
for (const t of SWEEP) {
  const threshold = t / 100;
  pack.rules.push({ ...rule, id: `same-person-t${t}`, options: { ...(rule!.options as object), threshold, merge_threshold: Math.max(0.99, threshold) } });
}
delete pack.$schema;
const packPath = join(CACHE_DIR, 'dedupe-western-sweep-pack.json');
writeFileSync(packPath, JSON.stringify(pack, null, 2) + '\n');

const run = await runQuality(csv, readFileSync(truth, 'utf8'), packPath);
console.log(`Western-order register: ${people} people, ${run.rows} rows, ${(run.ms / 1000).toFixed(1)} s (${SWEEP.length + 1} rules in one pass)\n`);
console.log(formatQuality(run));
for (const note of run.notes) console.log(note);
