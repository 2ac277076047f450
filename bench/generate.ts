// Writes a synthetic population export of N rows to bench/.cache (outside git), streaming.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AS_OF, csvRecord, POPULATION_HEADERS, populationRows } from '../fixtures/generate.js';

export const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '.cache');

/** The generator's own hash: a changed generator must not reuse an old cached file. */
function generatorVersion(): string {
  const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'generate.ts'));
  return createHash('sha256').update(source).digest('hex').slice(0, 10);
}

/** Path of the cached N-row file, generating it first when it is missing. */
export async function populationFile(rows: number): Promise<string> {
  const path = join(CACHE_DIR, `population-${rows}-${generatorVersion()}.csv`);
  if (existsSync(path)) return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  const temp = `${path}.partial`;
  const out = createWriteStream(temp);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(csvRecord(POPULATION_HEADERS) + '\n');
  let batch = '';
  let n = 0;
  for (const row of populationRows({ seed: 20261101, count: rows, asOf: AS_OF })) {
    batch += csvRecord(POPULATION_HEADERS.map((h) => row[h])) + '\n';
    if (++n % 10_000 === 0) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise<void>((r, j) => out.end((error?: Error | null) => (error ? j(error) : r())));
  renameSync(temp, path);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  console.log(await populationFile(rows));
}
