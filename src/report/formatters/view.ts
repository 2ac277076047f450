import type { Lang, ProposedFix } from '../../model.js';
import { formatDecimal, formatRate } from '../locale.js';
import { t } from '../messages.js';
import type { InputResult, Report, RuleResult, Sample } from '../model.js';
import { formatNumber } from './text.js';

// What the shareable formats (HTML, Markdown, JUnit) derive from the report model, in one place so
// that they agree: the order of rules, locations, fixes, limits, fill rates and duplicate clusters.

export function locationText(where: { row: number | null; line: number | null }, lang: Lang): string {
  if (where.row !== null && where.line !== null) return t(lang, 'report.at-row', { row: where.row, line: where.line });
  if (where.line !== null) return t(lang, 'report.at-line', { line: where.line });
  return t(lang, 'report.whole-file');
}

/** A proposed fix in words: "set to 0123…", "merge into row 2", with its confidence when not certain. */
export function fixText(fix: ProposedFix, lang: Lang): string {
  const value = fix.value ?? '';
  let text: string;
  if (fix.action === 'set') text = t(lang, 'report.fix.set', { value: JSON.stringify(value) });
  else if (fix.action === 'merge_into') text = t(lang, 'report.fix.merge_into', { value });
  else if (fix.action === 'review') text = value === '' ? t(lang, 'report.fix.review') : t(lang, 'report.fix.review-row', { value });
  else text = t(lang, fix.action === 'clear' ? 'report.fix.clear' : 'report.fix.drop_row');
  return fix.confidence < 1 ? `${text} (${t(lang, 'report.fix.confidence', { confidence: formatDecimal(fix.confidence, lang) })})` : text;
}

/** The limit a rule sets, in words. */
export function limitText(rule: RuleResult, lang: Lang): string {
  const parts: string[] = [];
  if (rule.threshold.maxFailures !== null) parts.push(t(lang, 'report.limit.failures', { max: formatNumber(rule.threshold.maxFailures, lang) }));
  if (rule.threshold.maxFailRate !== null) parts.push(t(lang, 'report.limit.rate', { rate: formatRate(rule.threshold.maxFailRate, lang) }));
  return parts.length > 0 ? parts.join(', ') : t(lang, 'report.limit.none');
}

/** Gate reason data with counts and scores written the reader's way (1.234 / 94,4). */
export function localizedGateData(data: Record<string, string | number>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = { ...data };
  for (const key of ['failed', 'evaluated', 'count', 'max']) {
    const value = out[key];
    if (typeof value === 'number') out[key] = formatNumber(value, lang);
  }
  for (const key of ['score', 'min']) {
    const value = out[key];
    if (typeof value === 'number') out[key] = formatDecimal(value, lang);
  }
  const dimension = out.dimension;
  if (dimension === 'true' || dimension === 'sufficient' || dimension === 'clean' || dimension === 'alive') out.dimension = t(lang, `dimension.${dimension}`);
  return out;
}

export function gateReasons(report: Report, lang: Lang): string[] {
  return report.gate.reasons.map((reason) => t(lang, `gate.${reason.code}`, localizedGateData(reason.data, lang)));
}

export interface ColumnFill {
  column: string;
  /** Semantic field bound to the column, if any. */
  field: string | null;
  filled: number;
  rate: number;
}

/** Fill rate of every column of an input, in file order; null when the report predates fill counts. */
export function columnFills(input: InputResult): ColumnFill[] | null {
  if (!input.filled) return null;
  const read = Math.max(0, input.rows - input.rejected);
  const fieldOf = new Map(Object.entries(input.bound).map(([field, header]) => [header, field]));
  return input.columns.map((column, i) => {
    const filled = input.filled?.[i] ?? 0;
    return { column, field: fieldOf.get(column) ?? null, filled, rate: read === 0 ? 0 : filled / read };
  });
}

export type DuplicateKind = 'identical' | 'formatting' | 'conflict' | 'other' | 'same-person';

export interface DuplicateCluster {
  rule: string;
  /** The file the repeated rows are in (of the first repeat shown). */
  file: string;
  /** The repeated key (unique) or the field compared (same-person). */
  key: string | null;
  field: string;
  keepRow: number;
  /** Row of the kept record's file when it is another input (unique across files). */
  keepFile: string | null;
  /** Rows of the cluster shown by the samples, the kept row first. */
  rows: number[];
  kinds: DuplicateKind[];
  /** Same-person clusters: their size and the members the finding lists. */
  size: number | null;
  members: string | null;
  scores: number[];
  differs: string[];
}

const UNIQUE_KINDS: Record<string, DuplicateKind> = {
  'unique/duplicate-identical': 'identical',
  'unique/duplicate-formatting': 'formatting',
  'unique/duplicate-conflict': 'conflict',
  'unique/duplicate': 'other',
};

export interface DuplicateView {
  clusters: DuplicateCluster[];
  /** Duplicate rows found in all, and how many of them the samples show. */
  findings: number;
  shown: number;
  /** Whether the report has any duplicate rule at all. */
  hasRules: boolean;
}

/**
 * Duplicate clusters as far as the samples show them. The finding codes and their data are part of
 * the report contract: `unique/*` carries the repeated `key` and the `first_row` it repeats
 * (`first_file`, 1-based among the rule's files, when that is another input); `same-person/same-person`
 * carries `cluster`, `keep_row`, `size`, `members` and `score`.
 */
export function duplicateClusters(report: Report): DuplicateView {
  const clusters = new Map<string, DuplicateCluster>();
  let findings = 0;
  let shown = 0;
  let hasRules = false;
  const add = (id: string, make: () => DuplicateCluster, sample: Sample, kind: DuplicateKind) => {
    let cluster = clusters.get(id);
    if (!cluster) {
      cluster = make();
      clusters.set(id, cluster);
    }
    if (sample.row !== null && !cluster.rows.includes(sample.row)) cluster.rows.push(sample.row);
    if (!cluster.kinds.includes(kind)) cluster.kinds.push(kind);
    shown++;
  };
  for (const rule of report.rules) {
    if (rule.check !== 'unique' && rule.check !== 'same-person') continue;
    hasRules = true;
    let counted = 0;
    for (const sample of rule.samples) {
      const data = sample.data;
      const uniqueKind = UNIQUE_KINDS[sample.code];
      if (uniqueKind && typeof data.first_row === 'number') {
        const firstFile = typeof data.first_file === 'number' ? (rule.byFile?.[data.first_file - 1]?.file ?? null) : null;
        const keepFile = firstFile !== null && firstFile !== sample.file ? firstFile : null;
        const id = `${rule.id}\u0000${keepFile ?? sample.file}\u0000${data.first_row}`;
        add(
          id,
          () => ({
            rule: rule.id,
            file: sample.file,
            key: typeof data.key === 'string' ? data.key : String(data.key ?? ''),
            field: String(data.field ?? sample.field ?? ''),
            keepRow: data.first_row as number,
            keepFile,
            rows: [],
            kinds: [],
            size: null,
            members: null,
            scores: [],
            differs: [],
          }),
          sample,
          uniqueKind,
        );
        const cluster = clusters.get(id) as DuplicateCluster;
        if (typeof data.differs === 'string' && !cluster.differs.includes(data.differs)) cluster.differs.push(data.differs);
        counted++;
      } else if (sample.code === 'same-person/same-person' && typeof data.keep_row === 'number') {
        const id = `${rule.id}\u0000${String(data.cluster)}`;
        add(
          id,
          () => ({
            rule: rule.id,
            file: sample.file,
            key: null,
            field: String(data.field ?? sample.field ?? ''),
            keepRow: data.keep_row as number,
            keepFile: null,
            rows: [],
            kinds: [],
            size: typeof data.size === 'number' ? data.size : null,
            members: typeof data.members === 'string' ? data.members : null,
            scores: [],
            differs: [],
          }),
          sample,
          'same-person',
        );
        const score = Number(data.score);
        if (Number.isFinite(score)) (clusters.get(id) as DuplicateCluster).scores.push(score);
        counted++;
      }
    }
    // Findings that are duplicate rows: a same-person rule may also have a whole-file finding (capped blocks).
    findings += rule.findings - (rule.samples.length - counted);
  }
  for (const cluster of clusters.values()) cluster.rows.sort((a, b) => a - b);
  return { clusters: [...clusters.values()], findings, shown, hasRules };
}

/** Kind of a duplicate cluster in words. */
export function duplicateKindText(cluster: DuplicateCluster, lang: Lang): string {
  return cluster.kinds
    .map((kind) => {
      if (kind === 'same-person') {
        const low = Math.min(...cluster.scores);
        const high = Math.max(...cluster.scores);
        const score = cluster.scores.length === 0 ? '?' : low === high ? formatDecimal(low, lang) : `${formatDecimal(low, lang)}–${formatDecimal(high, lang)}`;
        return t(lang, 'report.dup.same-person', { score });
      }
      if (kind === 'conflict') return t(lang, 'report.dup.conflict', { differs: cluster.differs.join(', ') });
      return t(lang, `report.dup.${kind}`);
    })
    .join('; ');
}

/** How the delimiter reads: `,` or the word for tab. */
export function delimiterText(delimiter: string | null, lang: Lang): string {
  if (delimiter === null) return '–';
  return delimiter === '\t' ? t(lang, 'report.tab') : delimiter;
}
