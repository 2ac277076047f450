import type { ResolvedRule } from '../pack/types.js';

/**
 * Rough cost of one rule per row, in µs: the check alone on the 200,000-row benchmark file
 * (docs/decisions.md, "Check-type speed") plus ~0.2 µs of engine work per rule and row. Used to
 * share rules out between threads so that they finish together; only the proportions matter. A
 * check type not listed counts as DEFAULT_COST.
 */
const COST: Readonly<Record<string, number>> = {
  'same-person': 20,
  unique: 3.5,
  'vn-personal-id': 0.85,
  'vn-text-encoding': 0.75,
  'vn-bhyt': 0.5,
  'vn-person-name': 0.45,
  'vn-phone': 0.45,
  'vn-cmnd': 0.4,
  placeholder: 0.4,
  'fill-rate': 0.25,
  'row-count': 0.05,
};
const DEFAULT_COST = 0.35;

/** What the first thread does on top of its rules: fill rates, input problems, progress, merging. */
const PRIMARY_EXTRA = 1;

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
