// The checks a user would write in DuckDB instead of running dqc: ID present, 12 digits and unique,
// name and date of birth present, stale records. Every column read as text, as dqc reads it; 2 threads.
import { DuckDBInstance } from '@duckdb/node-api';

export async function runDuckdbChecks(file: string, asOf: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const path = file.replaceAll("'", "''");
  const sql = `
    WITH t AS (SELECT * FROM read_csv('${path}', header = true, all_varchar = true, delim = ','))
    SELECT
      count(*) AS rows,
      count(*) FILTER (WHERE coalesce(trim(so_dinh_danh), '') = '') AS id_required,
      count(*) FILTER (WHERE coalesce(trim(so_dinh_danh), '') <> '' AND NOT regexp_full_match(trim(so_dinh_danh), '[0-9]{12}')) AS id_bad,
      count(*) FILTER (WHERE coalesce(trim(ho_ten), '') = '') AS name_required,
      count(*) FILTER (WHERE coalesce(trim(ngay_sinh), '') = '') AS dob_required,
      count(*) FILTER (WHERE try_strptime(trim(ngay_cap_nhat), '%d/%m/%Y') < DATE '${asOf}' - INTERVAL 1826 DAY) AS stale,
      (SELECT count(*) FROM (SELECT so_dinh_danh FROM t WHERE coalesce(trim(so_dinh_danh), '') <> ''
         GROUP BY so_dinh_danh HAVING count(*) > 1)) AS duplicated_ids
    FROM t`;
  const reader = await connection.runAndReadAll(sql);
  const [row] = reader.getRowObjects();
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}
