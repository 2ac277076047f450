import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DqcError } from '../../src/errors.js';
import { PROBLEM_SEVERITY } from '../../src/input/problems.js';
import { elementText, expectedCell, jsonElement, type JsonElement } from './models.js';
import { readAll, runs, writeTemp } from './support.js';

// Property tests over the JSON readers (array and JSON Lines). Every element of the array, or
// every line, is a data row whatever it holds: an object is read, anything else (a number, an
// array, invalid JSON) is a rejected row with a reason. So for every file written from a model:
// rows = elements = rows read + rows rejected, each row read carries exactly the model's values,
// and each rejected row is reported with its row number and line.

type Layout = 'array-compact' | 'array-lines' | 'ndjson' | 'ndjson-crlf';

/** The file's text and the line each element starts on. */
function writeJson(elements: JsonElement[], layout: Layout): { text: string; lines: number[] } {
  const texts = elements.map(elementText);
  switch (layout) {
    case 'array-compact':
      return { text: `[${texts.join(',')}]`, lines: texts.map(() => 1) };
    case 'array-lines':
      return { text: `[\n${texts.join(',\n')}\n]\n`, lines: texts.map((_, i) => i + 2) };
    case 'ndjson':
      return { text: texts.map((t) => `${t}\n`).join(''), lines: texts.map((_, i) => i + 1) };
    case 'ndjson-crlf':
      return { text: texts.join('\r\n'), lines: texts.map((_, i) => i + 1) };
  }
}

function expectedTable(elements: JsonElement[]) {
  const header: string[] = [];
  const index = new Map<string, number>();
  const rows: { row: number; values: Map<string, string> }[] = [];
  const rejected: [string, number][] = [];
  elements.forEach((element, i) => {
    if (element.kind === 'broken') return rejected.push(['row/json-syntax', i + 1]);
    if (element.kind === 'other') return rejected.push(['row/not-an-object', i + 1]);
    // Keys in JavaScript's order: integer-like keys ("0", "12") come first, whatever the file says.
    for (const key of Object.keys(JSON.parse(elementText(element)) as object)) {
      if (!index.has(key)) {
        index.set(key, header.length);
        header.push(key);
      }
    }
    rows.push({ row: i + 1, values: new Map(element.entries.map(([key, value]) => [key, expectedCell(value)])) });
  });
  return { header, index, rows, rejected };
}

describe('JSON written from a model', () => {
  it('every element is a row: objects are read with their values, the rest rejected with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(jsonElement, { maxLength: 10 }),
        fc.constantFrom<Layout>('array-compact', 'array-lines', 'ndjson', 'ndjson-crlf'),
        async (elements, layout) => {
          // A JSON Lines file needs a first line that is a whole object to be taken for one under .json;
          // the names say the format here, as exports do.
          const { text, lines } = writeJson(elements, layout);
          const path = writeTemp(layout.startsWith('array') ? 'model.json' : 'model.jsonl', text);
          const { header, rows, problems, counts } = await readAll(path);
          const expected = expectedTable(elements);

          expect(counts).toEqual({ rows: elements.length, rejected: expected.rejected.length, blankRows: 0, complete: true });
          expect(rows.length + counts.rejected).toBe(elements.length);
          expect(header).toEqual(expected.header);
          expect(rows.map((r) => r.row)).toEqual(expected.rows.map((r) => r.row));
          expect(rows.map((r) => r.line)).toEqual(expected.rows.map((r) => lines[r.row - 1]));
          rows.forEach((row, k) => {
            const values = (expected.rows[k] as (typeof expected.rows)[number]).values;
            header.forEach((key, i) => expect(row.cells[i] ?? '').toBe(values.get(key) ?? ''));
          });
          const rejections = problems.filter((p) => p.code === 'row/json-syntax' || p.code === 'row/not-an-object');
          expect(rejections.map((p) => [p.code, p.row])).toEqual(expected.rejected);
          for (const p of rejections) expect(p.line).toBe(lines[(p.row as number) - 1]);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

describe('arbitrary JSON text never crashes the readers', () => {
  const fragments = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.constantFrom('[', ']', '{', '}', ',', ':', '"', '\\', '\n', 'null', '[{', '}]', '{"a":', '"\\u12', '\u0000', '\ufffd'),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );
  it('any mix of JSON values and fragments, as .json or .jsonl: rows = read + rejected, known problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fragments, { maxLength: 12 }), fc.constantFrom('x.json', 'x.jsonl', 'x.ndjson'), async (parts, name) => {
        const path = writeTemp(name, parts.join(''));
        let result;
        try {
          result = await readAll(path);
        } catch (error) {
          expect.unreachable(`the reader threw: ${error instanceof DqcError ? error.code : String(error)}`);
          return;
        }
        const { rows, counts, problems } = result;
        expect(counts.rows).toBe(rows.length + counts.rejected);
        expect(rows.map((r) => r.row).every((n, i, all) => i === 0 || n > (all[i - 1] as number))).toBe(true);
        for (const p of problems) expect(Object.keys(PROBLEM_SEVERITY)).toContain(p.code);
        if (!counts.complete) expect(problems.some((p) => p.code.startsWith('file/'))).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });
});
