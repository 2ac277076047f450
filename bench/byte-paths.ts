// npx tsx bench/byte-paths.ts [file.csv]: the byte fast paths (CheckHooks.passes) of the
// vn-population rules on one column, against what they save (decoding the cell and running row()),
// over the cells of a population export (default: the generated 200,000-row one). Each rule runs
// alone on a copy of its column's cells laid end to end, medians of 7 rounds, in ns per cell.
// What passes() costs and how often it passes; the engine calls it only for columns too distinct
// for its dictionary (engine/column-dictionary.ts), such as addresses, phones and insurance codes.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { RowView } from '../src/checks/define.js';
import { checkTypes } from '../src/checks/index.js';
import { resolvePacks } from '../src/pack/resolve.js';
import { isoDay } from '../src/shared/dates.js';
import { populationFile } from './generate.js';

const AS_OF = isoDay('2026-11-01') as number;
const RULES = [
  'address-encoding', 'name-encoding', 'name-whitespace', 'name-nfc', 'name-valid', 'phone-valid', 'cmnd-valid',
  'id-document-current', 'tax-code-valid', 'social-insurance-valid',
];

const path = process.argv[2] ?? (await populationFile(200_000));
const pack = resolvePacks(['vn-population']);
const records = parse(readFileSync(path), { columns: true, relax_column_count: true, bom: true }) as Record<string, string>[];
const headers = Object.keys(records[0] ?? {});

console.log(`file: ${path}, ${records.length.toLocaleString('en-US')} rows\n`);
console.log('| rule | decode + row() (ns/cell) | passes(), row() when false (ns/cell) | cells passed |\n|---|---|---|---|');
for (const id of RULES) {
  const rule = pack.rules.find((r) => r.id === id)!;
  const field = rule.columns[0]!;
  const header = headers.find((h) => h === field || (pack.columns[field]?.aliases ?? []).includes(h));
  if (header === undefined) continue;
  const checkType = checkTypes[rule.check as keyof typeof checkTypes];
  const hooks = checkType.create({
    options: { ...(checkType.meta.defaults as object), ...rule.options } as never,
    columns: rule.columns,
    asOfDay: AS_OF,
    threads: 1,
    columnFormat: () => undefined,
    report: () => undefined,
    reportAt: () => undefined,
    reportDataset: () => undefined,
    reread: () => null,
    rereadable: () => false,
  });
  const cells = records.map((r) => Buffer.from(r[header] ?? ''));
  const bytes = Buffer.concat(cells);
  const starts = new Int32Array(cells.length + 1);
  for (let i = 0; i < cells.length; i++) starts[i + 1] = starts[i]! + cells[i]!.length;
  let value = '';
  const view: RowView = { file: '', row: 1, line: 2, width: 1, value: () => value, cell: () => value };
  const decodeAndRow = (i: number) => {
    value = bytes.toString('utf8', starts[i], starts[i + 1]);
    hooks.row!(view);
  };
  let passed = 0;
  const rounds = { slow: [] as number[], fast: [] as number[] };
  for (let round = 0; round < 7; round++) {
    let started = performance.now();
    for (let i = 0; i < cells.length; i++) decodeAndRow(i);
    rounds.slow.push(performance.now() - started);
    started = performance.now();
    passed = 0;
    for (let i = 0; i < cells.length; i++) {
      if (hooks.passes?.(bytes, starts[i]!, starts[i + 1]!)) passed++;
      else decodeAndRow(i);
    }
    rounds.fast.push(performance.now() - started);
  }
  const perCell = (times: number[]) => ((times.sort((a, b) => a - b)[3]! * 1e6) / cells.length).toFixed(0);
  console.log(`| ${id} | ${perCell(rounds.slow)} | ${perCell(rounds.fast)} | ${((100 * passed) / cells.length).toFixed(1)}% |`);
}
