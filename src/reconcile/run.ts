// `dqc reconcile`: the records of the input files against a reference extract of the population
// database, in three streaming passes (records, reference, records again; see local-index.ts for
// why the records are the side indexed). The result is a normal Report: one rule per kind of
// finding, scored and gated as `dqc check` is. Never prints, never exits.

import { DqcError, usageError } from '../errors.js';
import { buildReport } from '../report/build.js';
import type { InputResult, Report } from '../report/model.js';
import { COMPARED_FIELDS, DEATH, DOB, FieldReader, NAME } from './fields.js';
import { LocalIndex } from './local-index.js';
import { LocalPass } from './local-pass.js';
import { ReferencePass } from './reference-pass.js';
import { ReconcileResults } from './results.js';
import { openSide, type BindOptions, type BoundFile } from './side.js';
import { inputResult } from '../report/input-result.js';
import type { RunBasics } from '../engine/run.js';
import { reconcileMessages } from './messages.js';
import { messageOf } from '../messages/render.js';
import { DEFAULT_KEY_FIELD } from '../model.js';
import { resolvePacks } from '../pack/resolve.js';
import type { ResolvedPack } from '../pack/types.js';
import { compileDateParser, isUsableDateFormat } from '../shared/dates.js';
import { foldText } from '../vn/fold.js';
import type { EventRoles } from './local-pass.js';

export interface ReconcileOptions extends RunBasics {
  /** The reference extract: one file. */
  reference: string;
  /** `--reference-column` for the reference (`columnOverrides` are the inputs'); keyField: what records are matched on. */
  referenceColumnOverrides?: Record<string, string>;
  /** Report reference people missing from the inputs. */
  expectComplete?: boolean;
}

const PROGRESS_EVERY = 1 << 16;

export async function runReconcile(options: ReconcileOptions): Promise<Report> {
  const started = Date.now();
  const keyField = options.keyField ?? DEFAULT_KEY_FIELD;
  const { pack } = options;
  if (!Object.hasOwn(pack.columns, keyField)) {
    const known = Object.keys(pack.columns).join(', ');
    throw usageError('--key', messageOf(reconcileMessages, 'reconcile.unknown-key', { field: keyField, known }));
  }
  const read = options.read ?? {};
  const localBinding: BindOptions = { pack, keyField, overrides: options.columnOverrides ?? {}, overrideOption: '--column', read };
  // The reference is read with the bindings of the pack the packs name for it (a population extract
  // read as vn-population reads it), else with the run's own.
  const refPack = pack.reconcile?.reference_pack === undefined ? pack : resolvePacks([pack.reconcile.reference_pack]);
  const refBinding: BindOptions = { pack: refPack, keyField, overrides: options.referenceColumnOverrides ?? {}, overrideOption: '--reference-column', read };
  const roles = eventRoles(pack);
  const fields = new FieldReader(pack.columns);
  const results = new ReconcileResults(options.sampleSize, options.onFinding);
  let rowsRead = 0;
  const progress = (): void => {
    if (++rowsRead % PROGRESS_EVERY === 0) options.onProgress?.(rowsRead);
  };

  // Pass 1: the records, indexed.
  const local = new LocalIndex(fields);
  const localFiles: BoundFile[] = [];
  for (const path of options.inputs) {
    const file = await openSide(path, localBinding, true);
    local.startFile(file);
    for await (const row of file.reader.rows()) {
      local.add(row);
      progress();
    }
    local.endFile(file.reader.counts.rows);
    localFiles.push(file);
  }
  const states = local.states();

  // Pass 2: the reference, streamed.
  const ref = await openSide(options.reference, refBinding, true);
  const expectComplete = options.expectComplete ?? false;
  const refPass = new ReferencePass(ref, local, states, fields, results, { keyField, expectComplete });
  if (ref.key >= 0) {
    for await (const row of ref.reader.rows()) {
      refPass.row(row);
      progress();
    }
  } else {
    for await (const _row of ref.reader.rows()) progress(); // no header: an empty file, reported as such
  }
  // Findings come row by row; pass 3 reads the records in order.
  const pending = refPass.pending.sort((a, b) => a.ordinal - b.ordinal);

  // Pass 3: the records again, each finding reported with the record's own text.
  const localPass = new LocalPass(local, localFiles, states, pending, refPass.candidates, fields, results, {
    keyField,
    referenceHasDeath: ref.compared[DEATH]! >= 0,
    ...(roles && { roles }),
  });
  for (const [i, first] of localFiles.entries()) {
    const again = await openSide(first.path, localBinding, false);
    localPass.startFile(again, i);
    for await (const row of again.reader.rows()) {
      localPass.row(row);
      progress();
    }
    if (again.reader.counts.rows !== first.reader.counts.rows || again.stats.sha256 !== first.stats.sha256) {
      throw new DqcError('DQC_INPUT_CHANGED', { path: first.path }, { file: first.path });
    }
  }
  options.onProgress?.(rowsRead);

  describeRules(results, localFiles, ref, keyField, refPass, expectComplete);
  describeEventRules(results, localFiles, ref, roles);
  const inputs: InputResult[] = [...localFiles.map((file) => inputResult(file)), inputResult(ref)];
  return buildReport({
    started,
    asOfDay: options.asOfDay,
    pack,
    sampleSize: options.sampleSize,
    gate: options.gate,
    inputs,
    rules: results.results(),
    messages: ReconcileResults.messages(),
  });
}

/** The pack's reconcile roles, ready to read rows with; undefined when it declares no event date. */
function eventRoles(pack: ResolvedPack): EventRoles | undefined {
  const roles = pack.reconcile;
  if (roles?.event_date === undefined) return undefined;
  const format = pack.columns[roles.event_date]?.format ?? 'iso';
  const parse = compileDateParser(isUsableDateFormat(format) ? format : 'iso');
  const parseIso = compileDateParser('iso');
  return {
    eventField: roles.event_date,
    readEvent: (text) => {
      const day = parse(text.trim());
      if (typeof day === 'number') return day;
      const iso = parseIso(text.trim());
      return typeof iso === 'number' ? iso : null;
    },
    ...(roles.active_field !== undefined && { activeField: roles.active_field }),
    activeValues: new Set((roles.active_values ?? []).map(foldText)),
  };
}

/** The two kinds of a pack's reconcile roles: left out without them, skipped where a column is missing. */
function describeEventRules(results: ReconcileResults, localFiles: readonly BoundFile[], ref: BoundFile, roles: EventRoles | undefined): void {
  const before = results.tally('dead-before-event');
  const after = results.tally('active-after-death');
  before.omitted = roles === undefined;
  after.omitted = roles?.activeField === undefined;
  if (!roles) return;
  const missing = (field: string) => localFiles.filter((f) => !f.fieldIndex.has(field)).map((f) => ({ file: f.path, missingColumns: [field] }));
  const noDeath = ref.compared[DEATH]! < 0 ? [{ file: ref.path, missingColumns: [COMPARED_FIELDS[DEATH]] }] : [];
  const beforeSkipped = [...noDeath, ...missing(roles.eventField)];
  before.columns = beforeSkipped.length === 0 || localFiles.some((f) => f.fieldIndex.has(roles.eventField)) ? [roles.eventField] : [];
  before.skipped = beforeSkipped;
  if (roles.activeField !== undefined) {
    const afterSkipped = [...noDeath, ...missing(roles.eventField), ...missing(roles.activeField)];
    after.columns = [roles.eventField, roles.activeField];
    after.skipped = afterSkipped;
  }
}

/** Which columns each kind looked at, and why a kind could not run (a column absent from a side). */
function describeRules(
  results: ReconcileResults,
  localFiles: readonly BoundFile[],
  ref: BoundFile,
  keyField: string,
  refPass: ReferencePass,
  expectComplete: boolean,
): void {
  const anyLocal = (k: number) => localFiles.some((f) => f.compared[k]! >= 0);
  const both = (k: number) => ref.compared[k]! >= 0 && anyLocal(k);
  for (const id of ['not-in-reference', 'key-blank', 'duplicate-key-local', 'duplicate-key-reference', 'missing-locally'] as const) {
    results.tally(id).columns = [keyField];
  }
  results.tally('duplicate-key-reference').evaluated = refPass.evaluated;
  results.tally('key-blank').evaluated += refPass.evaluated + refPass.blankKeys;
  const missing = results.tally('missing-locally');
  missing.omitted = !expectComplete;
  missing.evaluated = refPass.distinct;

  const compared = COMPARED_FIELDS.filter((_, k) => both(k));
  const mismatch = results.tally('field-mismatch');
  mismatch.columns = [...compared];
  if (compared.length === 0) {
    mismatch.skipped = [{ file: ref.path, missingColumns: COMPARED_FIELDS.filter((_, k) => ref.compared[k]! < 0) }];
  }
  const another = results.tally('another-person');
  if (both(NAME) && both(DOB)) another.columns = [COMPARED_FIELDS[NAME], COMPARED_FIELDS[DOB]];
  else another.skipped = [{ file: ref.path, missingColumns: [NAME, DOB].filter((k) => !both(k)).map((k) => COMPARED_FIELDS[k]!) }];
  const deceased = results.tally('deceased-in-reference');
  if (ref.compared[DEATH]! >= 0) deceased.columns = [COMPARED_FIELDS[DEATH]];
  else deceased.skipped = [{ file: ref.path, missingColumns: [COMPARED_FIELDS[DEATH]] }];
}
