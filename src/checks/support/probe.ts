import type { CheckContext, CheckType, RowView } from '../define.js';

/**
 * Whether a one-column check's own row() reports anything for a text: a second instance of the
 * check, made with the rule's options, whose findings are only noted. Byte fast paths use it to
 * judge one representative text for a whole class of cells (all 10-digit phone numbers with the
 * same first four digits), so that the verdict is the check's, not a copy of its logic. The
 * instance is made on first use.
 */
export function reportsNothing<O, M extends string>(checkType: CheckType<O, M>, context: CheckContext<O, M>): (text: string) => boolean {
  let reported = false;
  let text = '';
  let row: ((row: RowView) => void) | undefined;
  const view: RowView = { file: '', row: 0, line: 0, width: 1, value: (k) => (k === 0 ? text : ''), cell: (i) => (i === 0 ? text : '') };
  return (probe) => {
    row ??= checkType.create({
      options: context.options,
      columns: context.columns,
      asOfDay: context.asOfDay,
      threads: 1,
      columnFormat: (k) => context.columnFormat(k),
      report: () => void (reported = true),
      reportAt: () => void (reported = true),
      reportDataset: () => void (reported = true),
      reread: () => null,
      rereadable: () => false,
    }).row;
    if (!row) return true;
    reported = false;
    text = probe;
    row(view);
    return !reported;
  };
}
