import { openInput } from '../src/input/open.js';
import { batchOf, snapshotOf, type RowBatch } from '../src/input/row-batch.js';
import { ColumnDictionary } from '../src/engine/column-dictionary.js';
const file = 'bench/.cache/population-200000-ae7727e687.csv';
const { reader } = await openInput(file, {}, () => {});
const snaps: ReturnType<typeof snapshotOf>['snapshot'][] = [];
for await (const b of reader.columns!()) snaps.push(snapshotOf(b).snapshot);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const cols = [3, 4, 2, 1, 15];
for (const col of cols) {
  const dict: number[] = [], map: number[] = [], loop: number[] = [];
  for (let round = 0; round < 5; round++) {
    const batches: RowBatch[] = snaps.map((s) => batchOf(s));
    let t = cpu();
    const d = new ColumnDictionary(col);
    for (const b of batches) d.idsOf(b);
    dict.push((cpu() - t) * 1e6 / 200000);
    t = cpu();
    const m = new Map<string, number>(); let x = 0;
    for (const b of batches) for (let i = 0; i < b.length; i++) { const s = b.text(i, col); let id = m.get(s); if (id === undefined) { id = m.size; m.set(s, id); } x += id; }
    map.push((cpu() - t) * 1e6 / 200000);
    t = cpu(); x = 0;
    for (const b of batches) for (let i = 0; i < b.length; i++) x += b.cellEnd(i, col) - b.cellStart(i, col);
    loop.push((cpu() - t) * 1e6 / 200000);
  }
  const med = (a: number[]) => a.sort((p, q) => p - q)[2]!.toFixed(0);
  console.log(reader.header[col], 'dict', med(dict), 'ns  decode+Map', med(map), 'ns  empty loop', med(loop), 'ns');
}
