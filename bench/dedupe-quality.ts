// npx tsx bench/dedupe-quality.ts [--people 20000]: how well the same-person check finds planted
// duplicates. Generates (and caches in bench/.cache) a register with planted duplicates and
// look-alikes (fixtures/same-person.ts), runs the real engine with bench/dedupe-pack.json plus one
// rule per swept threshold in the same pass, collects every finding through `onFinding` (not the
// capped samples), and prints pairwise precision, recall and F1, the threshold sweep, recall per
// variation kind, the look-alikes wrongly joined and the model the default rule learnt (m, u and
// log2(m/u) per field and level, the prior, the EM sessions). Run it at --people 1000000 too (~3
// minutes): the prior falls as the register grows, so the same evidence buys less (F1 0.992 at 20k,
// 0.985 at 200k, 0.976 at 1M people on 2026-12-07, third round; docs/benchmarks.md).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AS_OF } from '../fixtures/generate.js';
import { pairQuality, parseTruth, SAME_PERSON_SEED, writeSamePersonFiles, type PairQuality, type Truth } from '../fixtures/same-person.js';
import { check, type Finding } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const CACHE_DIR = join(here, '.cache');
const PACK = join(here, 'dedupe-pack.json');
export const DEFAULT_RULE = 'same-person';
/** Thresholds of the sweep, in hundredths: 0.50 … 0.95. */
export const SWEEP = Array.from({ length: 10 }, (_, i) => 50 + 5 * i);

/** The generators' own hash: a changed generator must not reuse an old cached file. */
function generatorVersion(): string {
  const hash = createHash('sha256');
  for (const file of ['generate.ts', 'same-person.ts']) hash.update(readFileSync(join(here, '..', 'fixtures', file)));
  return hash.digest('hex').slice(0, 10);
}

/** Paths of the cached register and its truth file, generated first when missing. */
export async function samePersonSet(people: number): Promise<{ csv: string; truth: string }> {
  const base = join(CACHE_DIR, `same-person-${people}-${generatorVersion()}`);
  const csv = `${base}.csv`;
  const truth = `${base}.truth.csv`;
  if (existsSync(csv) && existsSync(truth)) return { csv, truth };
  mkdirSync(CACHE_DIR, { recursive: true });
  await writeSamePersonFiles(`${csv}.partial`, `${truth}.partial`, { seed: SAME_PERSON_SEED, people, asOf: AS_OF });
  renameSync(`${truth}.partial`, truth);
  renameSync(`${csv}.partial`, csv);
  return { csv, truth };
}

/** Where the default rule of the sweep pack saves the model it learnt. */
export const MODEL_PATH = join(CACHE_DIR, 'same-person-model.json');

/**
 * The pack with the default rule (saving its model) and one rule per swept threshold, written next to
 * the data. Each rule estimates its model itself (estimation is deterministic: the same model).
 */
function sweepPack(): string {
  const pack = JSON.parse(readFileSync(PACK, 'utf8')) as { name: string; rules: Record<string, unknown>[]; $schema?: string };
  const [rule] = pack.rules as [Record<string, unknown>];
  rule.options = { ...(rule.options as object | undefined), save_model: MODEL_PATH };
  for (const t of SWEEP) {
    const threshold = t / 100;
    pack.rules.push({ ...rule, id: `same-person-t${t}`, options: { threshold, merge_threshold: Math.max(0.99, threshold) } });
  }
  delete pack.$schema;
  pack.name = `${pack.name}-sweep`;
  const path = join(CACHE_DIR, 'dedupe-sweep-pack.json');
  writeFileSync(path, JSON.stringify(pack, null, 2) + '\n');
  return path;
}

export interface QualityRun {
  rows: number;
  /** Per rule id: the quality of its clusters. */
  quality: Map<string, PairQuality>;
  /** Per rule id: original–duplicate pairs whose duplicate has one variation besides its ID state, by `variation|id state`. */
  alone: Map<string, Map<string, { pairs: number; found: number }>>;
  /** Dataset findings other than same-person ones (capped blocks). */
  notes: string[];
  ms: number;
}

/** Runs the engine over `csv` with `packPath` and scores each rule's clusters against the truth. */
export async function runQuality(csv: string, truthText: string, packPath: string): Promise<QualityRun> {
  const truth = parseTruth(truthText);
  const clusters = new Map<string, Map<number, number[]>>();
  const notes: string[] = [];
  const started = performance.now();
  const report = await check([csv], {
    packs: [packPath],
    asOf: AS_OF,
    sample: 0,
    onFinding(finding: Finding) {
      if (finding.code !== 'same-person/same-person') {
        notes.push(`${finding.rule}: ${finding.code} ${JSON.stringify(finding.data)}`);
        return;
      }
      const byCluster = clusters.get(finding.rule) ?? new Map<number, number[]>();
      clusters.set(finding.rule, byCluster);
      const id = Number(finding.data.cluster);
      let members = byCluster.get(id);
      if (!members) {
        members = [Number(finding.data.keep_row)];
        byCluster.set(id, members);
      }
      members.push(finding.row!);
    },
  });
  const ms = performance.now() - started;
  const quality = new Map<string, PairQuality>();
  const alone = new Map<string, Map<string, { pairs: number; found: number }>>();
  for (const rule of report.rules) {
    quality.set(rule.id, pairQuality(truth, clusters.get(rule.id)?.values() ?? []));
    alone.set(rule.id, aloneRecall(truth, clusters.get(rule.id)?.values() ?? []));
  }
  return { rows: report.summary.rows, quality, alone, notes, ms };
}

/**
 * Recall of each variation on its own: original–duplicate pairs whose duplicate has exactly one
 * variation besides its ID state, keyed `variation|id-state` (e.g. 'dob-digit|id-missing').
 */
export function aloneRecall(truth: Truth, clusters: Iterable<readonly number[]>): Map<string, { pairs: number; found: number }> {
  const clusterOf = new Int32Array(truth.person.length);
  let c = 0;
  for (const members of clusters) {
    c++;
    for (const r of members) clusterOf[r] = c;
  }
  const originalOf = new Map<number, number>();
  for (let r = 1; r < truth.person.length; r++) if (truth.role[r] === 'original') originalOf.set(truth.person[r]!, r);
  const result = new Map<string, { pairs: number; found: number }>();
  for (let r = 1; r < truth.person.length; r++) {
    if (truth.role[r] !== 'duplicate') continue;
    const kinds = truth.kinds[r]!;
    const others = kinds.filter((k) => !k.startsWith('id-'));
    if (others.length > 1) continue;
    const key = `${others[0] ?? 'none'}|${kinds.find((k) => k.startsWith('id-'))}`;
    const o = originalOf.get(truth.person[r]!)!;
    const entry = result.get(key) ?? { pairs: 0, found: 0 };
    entry.pairs++;
    if (clusterOf[r] !== 0 && clusterOf[r] === clusterOf[o]) entry.found++;
    result.set(key, entry);
  }
  return result;
}

const f3 = (x: number) => x.toFixed(3);

/**
 * The learnt model as a markdown table: m, u and the weight applied per field and level (log2(m/u);
 * for a name part's "exact" and "unaccented", log2 of their summed m over their summed u), then the prior.
 */
export function formatModel(json: string): string {
  const model = JSON.parse(json) as {
    prior: number;
    rows: number;
    fields: Record<string, { levels: string[]; m: number[]; u: number[]; weight: number[] }>;
    estimated?: { random_pairs: number; sessions: { blocking: string; pairs: number; sampled: number; patterns: number; iterations: number; lambda: number }[]; default_m: string[] };
  };
  const out = ['| field | level | m | u | weight applied |', '|---|---|---|---|---|'];
  const g = (x: number) => (x < 0.001 ? x.toExponential(2) : x.toFixed(4));
  for (const [field, f] of Object.entries(model.fields)) {
    f.levels.forEach((level, k) => out.push(`| ${field} | ${level} | ${g(f.m[k]!)} | ${g(f.u[k]!)} | ${f.weight[k]!.toFixed(2)} |`));
  }
  out.push('', `prior λ ${model.prior.toExponential(3)} (log2 odds ${Math.log2(model.prior / (1 - model.prior)).toFixed(1)}) on ${model.rows} rows`);
  const e = model.estimated;
  if (e) {
    out.push(`u from ${e.random_pairs} random pairs; m kept built-in for: ${e.default_m.join(', ') || 'none'}`);
    for (const s of e.sessions) out.push(`EM session "${s.blocking}": ${s.pairs} pairs, ${s.sampled} sampled, ${s.patterns} patterns, ${s.iterations} iterations, λ ${s.lambda}`);
  }
  return out.join('\n');
}
const pct = (found: number, of: number) => (of === 0 ? '—' : `${((100 * found) / of).toFixed(1)}%`);

/** The printed tables, as markdown. */
export function formatQuality(run: QualityRun): string {
  const out: string[] = [];
  const d = run.quality.get(DEFAULT_RULE)!;
  out.push(`default threshold (0.7): precision ${f3(d.precision)}, recall ${f3(d.recall)}, F1 ${f3(d.f1)}`);
  out.push(`  predicted pairs ${d.predictedPairs}, true pairs ${d.truePairs}, found ${d.truePositives}`, '');
  out.push('| threshold | predicted pairs | true positives | precision | recall | F1 |', '|---|---|---|---|---|---|');
  for (const t of SWEEP) {
    const q = run.quality.get(`same-person-t${t}`)!;
    out.push(`| ${(t / 100).toFixed(2)} | ${q.predictedPairs} | ${q.truePositives} | ${f3(q.precision)} | ${f3(q.recall)} | ${f3(q.f1)} |`);
  }
  out.push('', 'Recall per variation kind (default threshold): all true pairs with a record of that kind (most have', 'several variations), then "alone": original–duplicate pairs where it is the only variation besides', 'the ID state, by ID state (found/pairs).', '');
  out.push('| variation | pairs | found | missed | recall | alone, ID identical | alone, ID 1 digit off | alone, ID missing |');
  out.push('|---|---|---|---|---|---|---|---|');
  const alone = run.alone.get(DEFAULT_RULE)!;
  const cell = (key: string) => {
    const a = alone.get(key);
    return a ? `${a.found}/${a.pairs}` : '—';
  };
  for (const [kind, { pairs, found }] of d.byKind) {
    if (kind.startsWith('id-')) continue;
    const ids = ['id-identical', 'id-digit', 'id-missing'].map((id) => cell(`${kind}|${id}`)).join(' | ');
    out.push(`| ${kind} | ${pairs} | ${found} | ${pairs - found} | ${pct(found, pairs)} | ${ids} |`);
  }
  for (const [kind, { pairs, found }] of d.byKind) {
    if (kind.startsWith('id-')) out.push(`| ${kind} | ${pairs} | ${found} | ${pairs - found} | ${pct(found, pairs)} | | | |`);
  }
  out.push('', 'Look-alikes (different people) wrongly joined (default threshold):', '');
  out.push('| look-alike | planted pairs | joined | share |', '|---|---|---|---|');
  for (const [kind, { pairs, joined }] of d.lookAlikes) out.push(`| ${kind} | ${pairs} | ${joined} | ${pct(joined, pairs)} |`);
  out.push(`| other (chance) | — | ${d.otherFalsePairs} | — |`);
  return out.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '20000' } } });
  const people = Number(values.people);
  const set = await samePersonSet(people);
  console.log(`data: ${set.csv}\ntruth: ${set.truth}`);
  const run = await runQuality(set.csv, readFileSync(set.truth, 'utf8'), sweepPack());
  console.log(`${people} people, ${run.rows} rows; engine pass with ${SWEEP.length + 1} same-person rules: ${(run.ms / 1000).toFixed(1)} s\n`);
  for (const note of run.notes) console.log(`note: ${note}`);
  console.log(formatQuality(run));
  console.log('\nThe learnt model (default rule):\n');
  console.log(formatModel(readFileSync(MODEL_PATH, 'utf8')));
}
