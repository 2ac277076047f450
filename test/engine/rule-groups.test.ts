import { describe, expect, it } from 'vitest';
import { groupRules, ruleCost } from '../../src/engine/rule-groups.js';
import { resolvePacks } from '../../src/pack/resolve.js';

describe('groupRules (sharing the rules between threads)', () => {
  const rules = resolvePacks(['vn-population']).rules;

  it.each([1, 2, 3, 4])('puts every rule in exactly one of %i groups, in pack order within a group', (count) => {
    const groups = groupRules(rules, count);
    expect(groups.length).toBe(Math.min(count, rules.length));
    expect(groups.flat().sort((a, b) => a - b)).toEqual(rules.map((_, i) => i));
    for (const group of groups) expect(group).toEqual([...group].sort((a, b) => a - b));
  });

  it('balances the estimated cost: no group carries more than the lightest plus its largest rule', () => {
    const groups = groupRules(rules, 2);
    const loads = groups.map((group, g) => group.reduce((sum, i) => sum + ruleCost(rules[i]!), g === 0 ? 1 : 0));
    const largest = Math.max(...rules.map(ruleCost));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(largest);
  });

  it('never makes an empty group', () => {
    expect(groupRules(rules.slice(0, 1), 4)).toEqual([[0]]);
    expect(groupRules(rules.slice(0, 3), 4)).toEqual([[0], [1], [2]]);
  });
});
