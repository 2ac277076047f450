import type { ResolvedRule } from './rule.js';

/**
 * Rough cost of one rule per row, in µs on the benchmark file (docs/benchmarks.md, "per rule"),
 * to share rules out between threads so that they finish together. Only the proportions matter;
 * a check type not listed counts as DEFAULT_COST.
 */
const COST: Readonly<Record<string, number>> = {
  'same-person': 20,
  unique: 4,
  'vn-person-name': 3.5,
  'vn-text-encoding': 3.5,
  liveness: 2.5,
  'vn-bhyt': 2.5,
  'vn-bhxh': 2.5,
  freshness: 2,
  'vn-cmnd': 1.5,
  'vn-tax-code': 1.5,
  placeholder: 1.5,
  enum: 1.5,
  whitespace: 1.5,
  date: 1.5,
  'vn-province': 1,
  'vn-personal-id': 1,
  required: 1,
  'fill-rate': 0.3,
  'row-count': 0.1,
};
const DEFAULT_COST = 1.5;

/** The share of reading and bookkeeping the first thread does on top of its rules (fill rates, problems, progress, merging). */
const PRIMARY_EXTRA = 3;

export function ruleCost(rule: ResolvedRule): number {
  return COST[rule.check] ?? DEFAULT_COST;
}

/**
 * Splits the rules into `count` groups of about equal cost (longest first, each to the lightest
 * group so far). Group 0 runs on the calling thread and starts with PRIMARY_EXTRA. Each group
 * keeps its rules in pack order.
 */
export function groupRules(rules: readonly ResolvedRule[], count: number): number[][] {
  if (rules.length <= count) return rules.map((_, index) => [index]);
  const loads = new Array<number>(count).fill(0);
  loads[0] = PRIMARY_EXTRA;
  const groups: number[][] = Array.from({ length: count }, () => []);
  const order = rules.map((rule, index) => ({ index, cost: ruleCost(rule) })).sort((a, b) => b.cost - a.cost || a.index - b.index);
  for (const { index, cost } of order) {
    let lightest = 0;
    for (let g = 1; g < count; g++) if (loads[g]! < loads[lightest]!) lightest = g;
    groups[lightest]!.push(index);
    loads[lightest]! += cost;
  }
  for (const group of groups) group.sort((a, b) => a - b);
  return groups.filter((group) => group.length > 0);
}
