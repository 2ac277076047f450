// Which of a same-person rule's columns plays which part in a person's record. Two ways to say it:
// by position (today's form, the rule's columns in a fixed order: full name, date of birth, sex,
// ID, place, phone, last updated) or by role (`options.roles`: each role names one of the rule's
// columns, so any register binds, with names in one column or in parts, several ID and address
// columns, and an email). Any other column is compared with a comparator of its own
// (`options.compare`, extra-fields.ts), by position or by role.

/** `options.roles` of a same-person rule, as written in a pack: each value names rule columns. */
export interface RoleOptions {
  full_name?: string;
  family_name?: string;
  middle_name?: string;
  given_name?: string;
  date_of_birth?: string;
  sex?: string;
  id_number?: string | string[];
  address?: string | string[];
  place?: string;
  phone?: string;
  email?: string;
  updated?: string;
}

/** The JSON Schema of `roles` (the rule's option schema embeds it). */
export const ROLES_SCHEMA = {
  type: 'object',
  properties: {
    full_name: { type: 'string', minLength: 1 },
    family_name: { type: 'string', minLength: 1 },
    middle_name: { type: 'string', minLength: 1 },
    given_name: { type: 'string', minLength: 1 },
    date_of_birth: { type: 'string', minLength: 1 },
    sex: { type: 'string', minLength: 1 },
    id_number: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] },
    address: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] },
    place: { type: 'string', minLength: 1 },
    phone: { type: 'string', minLength: 1 },
    email: { type: 'string', minLength: 1 },
    updated: { type: 'string', minLength: 1 },
  },
  additionalProperties: false,
} as const;

/** Where each part of a record is among the rule's columns (indexes into them; -1: not given). */
export interface ColumnPlan {
  /** One column with the whole name, or the parts (family and given: at least one of them). */
  name: { kind: 'full'; full: number } | { kind: 'parts'; family: number; middle: number; given: number };
  dob: number;
  sex: number;
  ids: number[];
  address: number[];
  place: number;
  phone: number;
  email: number;
  updated: number;
}

/** The positional form: full name, date of birth, then optionally sex, ID, place, phone, last updated. */
export function positionalPlan(width: number): ColumnPlan {
  const at = (k: number) => (k < width ? k : -1);
  return {
    name: { kind: 'full', full: 0 },
    dob: at(1),
    sex: at(2),
    ids: width > 3 ? [3] : [],
    address: [],
    place: at(4),
    phone: at(5),
    email: -1,
    updated: at(6),
  };
}

/**
 * The plan of a rule with `roles`: each role's field must be one of the rule's `columns` (by its
 * field name), and a name must be given (full_name, or family_name and/or given_name, not both
 * forms). Throws an Error that names the role and the field otherwise (a pack error at setup).
 */
export function rolePlan(columns: readonly string[], roles: RoleOptions): ColumnPlan {
  const used = new Map<string, string>();
  const column = (role: string, field: string | undefined): number => {
    if (field === undefined) return -1;
    const index = columns.indexOf(field);
    if (index < 0) throw new Error(`same-person: role ${role} names '${field}', which is not one of the rule's columns (${columns.join(', ')})`);
    const before = used.get(field);
    if (before !== undefined) throw new Error(`same-person: '${field}' is given two roles, ${before} and ${role}`);
    used.set(field, role);
    return index;
  };
  const many = (role: string, fields: string | string[] | undefined): number[] =>
    fields === undefined ? [] : (Array.isArray(fields) ? fields : [fields]).map((field) => column(role, field));

  const parts = roles.family_name !== undefined || roles.given_name !== undefined || roles.middle_name !== undefined;
  if (roles.full_name !== undefined && parts) throw new Error('same-person: roles give both full_name and name parts (family_name, middle_name, given_name); give one form');
  if (roles.full_name === undefined && roles.family_name === undefined && roles.given_name === undefined) {
    throw new Error('same-person: roles give no name: full_name, or family_name and/or given_name');
  }
  const name: ColumnPlan['name'] =
    roles.full_name !== undefined
      ? { kind: 'full', full: column('full_name', roles.full_name) }
      : {
          kind: 'parts',
          family: column('family_name', roles.family_name),
          middle: column('middle_name', roles.middle_name),
          given: column('given_name', roles.given_name),
        };
  return {
    name,
    dob: column('date_of_birth', roles.date_of_birth),
    sex: column('sex', roles.sex),
    ids: many('id_number', roles.id_number),
    address: many('address', roles.address),
    place: column('place', roles.place),
    phone: column('phone', roles.phone),
    email: column('email', roles.email),
    updated: column('updated', roles.updated),
  };
}

/** The rule's first name column: findings are reported about it. */
export function firstNameColumn(plan: ColumnPlan): number {
  if (plan.name.kind === 'full') return plan.name.full;
  return plan.name.family >= 0 ? plan.name.family : plan.name.given;
}
