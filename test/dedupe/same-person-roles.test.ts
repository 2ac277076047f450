import { describe, expect, it } from 'vitest';
import { firstNameColumn, positionalPlan, rolePlan } from '../../src/dedupe/same-person/roles.js';

const WESTERN = ['given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'date_of_birth', 'soc_sec_id'];

describe('same-person columns by role', () => {
  it('keeps the positional form: name, date of birth, sex, ID, place, phone, updated', () => {
    expect(positionalPlan(7)).toEqual({
      name: { kind: 'full', full: 0 },
      dob: 1,
      sex: 2,
      ids: [3],
      address: [],
      place: 4,
      phone: 5,
      email: -1,
      updated: 6,
    });
    expect(positionalPlan(2)).toMatchObject({ dob: 1, sex: -1, ids: [], place: -1, phone: -1, updated: -1 });
  });

  it('binds a Western register with names in parts and several address columns', () => {
    const plan = rolePlan(WESTERN, {
      given_name: 'given_name',
      family_name: 'surname',
      date_of_birth: 'date_of_birth',
      id_number: 'soc_sec_id',
      address: ['street_number', 'address_1', 'address_2', 'suburb', 'postcode'],
    });
    expect(plan.name).toEqual({ kind: 'parts', family: 1, middle: -1, given: 0 });
    expect(plan.address).toEqual([2, 3, 4, 5, 6]);
    expect(plan.ids).toEqual([8]);
    expect(firstNameColumn(plan)).toBe(1);
  });

  it('takes several ID columns (a personal ID and an old CMND)', () => {
    const plan = rolePlan(['ho_ten', 'ngay_sinh', 'so_dinh_danh', 'so_cmnd'], { full_name: 'ho_ten', date_of_birth: 'ngay_sinh', id_number: ['so_dinh_danh', 'so_cmnd'] });
    expect(plan.name).toEqual({ kind: 'full', full: 0 });
    expect(plan.ids).toEqual([2, 3]);
  });

  it.each([
    [{ full_name: 'nope' }, /role full_name names 'nope', which is not one of the rule's columns/],
    [{ date_of_birth: 'date_of_birth' }, /roles give no name/],
    [{ full_name: 'given_name', family_name: 'surname' }, /both full_name and name parts/],
    [{ given_name: 'given_name', family_name: 'given_name' }, /'given_name' is given two roles, family_name and given_name/],
  ])('refuses %j', (roles, message) => {
    expect(() => rolePlan(WESTERN, roles)).toThrow(message);
  });
});
