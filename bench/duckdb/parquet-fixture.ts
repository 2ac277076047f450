// npx tsx bench/duckdb/parquet-fixture.ts: writes test/input/data/population-clean.duckdb-zstd.parquet,
// the clean population fixture as DuckDB writes Parquet (zstd, DATE columns, its own page layout), for
// the reader's interoperability test. Node 20 cannot write zstd and hyparquet-writer does not, so
// this file is made once with DuckDB (installed on demand by `npm run bench`, or `npm install` in
// bench/duckdb) and committed; run it again after the population fixture changes.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const csv = join(root, 'fixtures', 'population-clean.csv');
const out = join(root, 'test', 'input', 'data', 'population-clean.duckdb-zstd.parquet');
mkdirSync(dirname(out), { recursive: true });
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
const date = (column: string) => `CAST(strptime(nullif(${column}, ''), '%d/%m/%Y') AS DATE) AS ${column}`;
await connection.run(`
  COPY (
    SELECT * REPLACE (${date('ngay_sinh')}, ${date('ngay_cap_nhat')}, ${date('ngay_chet')})
    FROM read_csv('${csv}', header = true, all_varchar = true, delim = ',')
  ) TO '${out}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100)`);
console.log(`wrote ${out}`);
