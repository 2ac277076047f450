// Which semantic field of a pack each column is. Three kinds of evidence, strongest first:
//   alias   the header binds to the field exactly as `dqc check` binds it (src/pack/bind.ts):
//           such a binding happens at check time whatever the values are, so it is taken as is;
//   header  a word of the field appears in the header ("Ngày sinh (dd/mm/yyyy)" → date of birth)
//           and the values agree with the field (0.9), or say nothing against it (0.6);
//   values  the column's semantic type is the field's (0.7), or a field that type can also be (0.5).
// Every field takes one column and every column one field: the strongest pairs are taken first.
// The fields and words are those of the shipped vn-population pack; a pack with other fields gets
// alias bindings only.

import { bindColumns } from '../pack/bind.js';
import type { ColumnDef } from '../pack/types.js';
import { foldText } from '../vn/fold.js';
import type { DateRole, Semantic, SemanticType } from './semantic.js';
import type { ValueType } from './value-type.js';

export type BindingEvidence = 'alias' | 'header' | 'values';

export interface FieldBinding {
  field: string;
  by: BindingEvidence;
}

interface FieldSpec {
  /** Semantic types whose values this field holds; 'date' for any date column. */
  accepts: readonly SemanticType[] | 'date';
  /** Folded word sequences that name the field inside a header. */
  words: readonly string[];
}

const FIELD_SPECS: Readonly<Record<string, FieldSpec>> = {
  id_number: { accepts: ['personal-id'], words: ['dinh danh', 'cccd', 'can cuoc', 'personal id', 'national id', 'citizen id', 'id number'] },
  full_name: { accepts: ['person-name'], words: ['ho ten', 'ho va ten', 'ten', 'full name', 'name'] },
  date_of_birth: { accepts: 'date', words: ['ngay sinh', 'nam sinh', 'sinh ngay', 'birth date', 'date of birth', 'dob', 'birthday'] },
  sex: { accepts: ['sex'], words: ['gioi tinh', 'gioi', 'phai', 'sex', 'gender'] },
  ethnicity: { accepts: ['ethnicity'], words: ['dan toc', 'ethnic', 'ethnicity'] },
  birth_registration_place: {
    accepts: ['province', 'address'],
    words: ['khai sinh', 'noi sinh', 'que quan', 'nguyen quan', 'dkks', 'birth place', 'place of birth'],
  },
  address: { accepts: ['address'], words: ['dia chi', 'thuong tru', 'tam tru', 'noi o', 'cho o', 'address'] },
  residence_province: { accepts: ['province'], words: ['tinh', 'tinh thanh', 'thanh pho', 'province', 'city'] },
  phone: { accepts: ['phone'], words: ['dien thoai', 'sdt', 'dt', 'di dong', 'phone', 'mobile', 'tel'] },
  cmnd: { accepts: ['cmnd'], words: ['cmnd', 'cmtnd', 'chung minh'] },
  id_document: { accepts: ['personal-id', 'cmnd'], words: ['giay to', 'document', 'ho chieu', 'passport'] },
  tax_code: { accepts: ['tax-code', 'personal-id'], words: ['thue', 'mst', 'tax'] },
  social_insurance: { accepts: ['social-insurance'], words: ['bhxh', 'bao hiem xa hoi', 'social insurance'] },
  health_insurance: { accepts: ['health-insurance', 'social-insurance'], words: ['bhyt', 'bao hiem y te', 'the y te', 'health insurance'] },
  status: { accepts: ['status'], words: ['trang thai', 'tinh trang', 'status'] },
  updated_at: { accepts: 'date', words: ['cap nhat', 'chinh sua', 'sua doi', 'update', 'updated', 'modified'] },
  date_of_death: { accepts: 'date', words: ['chet', 'mat', 'tu vong', 'qua doi', 'death', 'died'] },
};

/** The fields a semantic type stands for, the likeliest first. */
function fieldsOf(semantic: Semantic): readonly string[] {
  switch (semantic.type) {
    case 'personal-id':
      return ['id_number', 'id_document'];
    case 'cmnd':
      return ['cmnd', 'id_document'];
    case 'phone':
      return ['phone'];
    case 'tax-code':
      return ['tax_code'];
    case 'social-insurance':
      return ['social_insurance', 'health_insurance'];
    case 'health-insurance':
      return ['health_insurance'];
    case 'sex':
      return ['sex'];
    case 'status':
      return ['status'];
    case 'ethnicity':
      return ['ethnicity'];
    case 'province':
      return semantic.era === 'post-2025' ? ['residence_province', 'birth_registration_place'] : ['birth_registration_place', 'residence_province'];
    case 'person-name':
      return ['full_name'];
    case 'address':
      return ['address', 'birth_registration_place'];
    case 'date-of-birth':
      return ['date_of_birth'];
    case 'date-of-death':
      return ['date_of_death'];
    case 'updated-date':
      return ['updated_at'];
  }
}

const ROLE_OF_FIELD: Readonly<Record<string, DateRole>> = {
  date_of_birth: 'date-of-birth',
  date_of_death: 'date-of-death',
  updated_at: 'updated-date',
};

/** The date role a field gives its column (a date of birth …), or null. */
export function dateRoleOfField(field: string | undefined): DateRole | null {
  return (field !== undefined && ROLE_OF_FIELD[field]) || null;
}

function headerWords(header: string): string[] {
  return foldText(header)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function containsSequence(words: readonly string[], phrase: string): boolean {
  const wanted = phrase.split(' ');
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((w, k) => words[i + k] === w)) return true;
  }
  return false;
}

/** Fields whose words appear in a header, in the order of the field list. */
export function fieldsNamedBy(header: string): string[] {
  return namedFields(header).map((n) => n.field);
}

/** Fields named in a header with the length (in words) of the longest phrase that names each. */
function namedFields(header: string): { field: string; words: number }[] {
  const words = headerWords(header);
  const named: { field: string; words: number }[] = [];
  for (const [field, spec] of Object.entries(FIELD_SPECS)) {
    const longest = Math.max(0, ...spec.words.filter((phrase) => containsSequence(words, phrase)).map((p) => p.split(' ').length));
    if (longest > 0) named.push({ field, words: longest });
  }
  return named;
}

/** Fields bound by alias, exactly as `dqc check` will bind them: column index → field. */
export function aliasBindings(header: readonly string[], columns: Record<string, ColumnDef>): Map<number, string> {
  const byIndex = new Map<number, string>();
  for (const [field, index] of bindColumns(header, columns)) byIndex.set(index, field);
  return byIndex;
}

export interface ColumnEvidence {
  header: string;
  type: ValueType;
  semantic: Semantic | null;
}

type Agreement = 'yes' | 'unknown' | 'no';

function agreement(field: string, column: ColumnEvidence): Agreement {
  const spec = FIELD_SPECS[field];
  if (!spec || column.type === 'empty') return 'unknown';
  if (spec.accepts === 'date') return column.type === 'date' ? 'yes' : 'no';
  if (column.type === 'date') return 'no';
  if (!column.semantic) return 'unknown';
  return spec.accepts.includes(column.semantic.type) ? 'yes' : 'no';
}

const MIN_SCORE = 0.5;
/** Per word beyond the first of the phrase that names a field: breaks ties, never crosses an evidence level. */
const PHRASE_BONUS = 0.01;

/** One field or none per column, given the pack's fields (see the header comment). */
export function assignFields(
  columns: readonly ColumnEvidence[],
  packColumns: Record<string, ColumnDef>,
  aliases: ReadonlyMap<number, string>,
): (FieldBinding | null)[] {
  const result: (FieldBinding | null)[] = columns.map((_, i) => {
    const field = aliases.get(i);
    return field === undefined ? null : { field, by: 'alias' };
  });
  const taken = new Set(aliases.values());
  const candidates: { column: number; field: string; score: number; by: BindingEvidence; order: number }[] = [];
  const fieldOrder = Object.keys(FIELD_SPECS);
  columns.forEach((column, i) => {
    if (aliases.has(i)) return;
    const add = (field: string, score: number, by: BindingEvidence) => {
      if (!Object.hasOwn(packColumns, field) || taken.has(field)) return;
      candidates.push({ column: i, field, score, by, order: fieldOrder.indexOf(field) });
    };
    // A longer phrase names a field more surely: "tình trạng" (status) over its word "tình" (province).
    for (const { field, words } of namedFields(column.header)) {
      const agree = agreement(field, column);
      if (agree !== 'no') add(field, (agree === 'yes' ? 0.9 : 0.6) + PHRASE_BONUS * (words - 1), 'header');
    }
    if (column.semantic) fieldsOf(column.semantic).forEach((field, k) => add(field, k === 0 ? 0.7 : 0.5, 'values'));
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.order - b.order);
  for (const c of candidates) {
    if (c.score < MIN_SCORE || result[c.column] || taken.has(c.field)) continue;
    result[c.column] = { field: c.field, by: c.by };
    taken.add(c.field);
  }
  return result;
}
