import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, FOREIGNER_CODE, VIETNAM_ETHNIC_GROUPS, ethnicKey, matchEthnicity } from '../../src/vn/ethnicity.js';

describe('ethnic groups table', () => {
  it('has the 54 groups and the foreigners entry, codes 01–55 in order', () => {
    expect(VIETNAM_ETHNIC_GROUPS).toHaveLength(54);
    expect(ETHNIC_GROUPS).toHaveLength(55);
    expect(ETHNIC_GROUPS.map((g) => g.code)).toEqual(Array.from({ length: 55 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(ETHNIC_GROUPS.find((g) => g.code === FOREIGNER_CODE)?.name).toBe('Người nước ngoài');
  });

  it('keeps the names of the source list, NFC, unique by folded key', () => {
    expect(ETHNIC_GROUPS[0]).toMatchObject({ code: '01', name: 'Kinh', otherNames: ['Việt'] });
    expect(ETHNIC_GROUPS.find((g) => g.code === '08')?.name).toBe('HMông');
    expect(ETHNIC_GROUPS.find((g) => g.code === '53')?.name).toBe('Ơ Đu');
    for (const g of ETHNIC_GROUPS) expect(g.name).toBe(g.name.normalize('NFC'));
    expect(new Set(ETHNIC_GROUPS.map((g) => ethnicKey(g.name))).size).toBe(55);
  });

  it('has groups without other names', () => {
    expect(ETHNIC_GROUPS.find((g) => g.name === 'Cơ Lao')?.otherNames).toEqual([]);
    expect(ETHNIC_GROUPS.find((g) => g.name === 'Rơ-măm')?.otherNames).toEqual([]);
  });
});

describe('ethnicKey', () => {
  it('ignores case, accents, spaces, hyphens, apostrophes and a leading Dân tộc', () => {
    expect(ethnicKey('Ba-na')).toBe('bana');
    expect(ethnicKey('BA NA')).toBe('bana');
    expect(ethnicKey("H'Mông")).toBe(ethnicKey('HMông'));
    expect(ethnicKey('Dân tộc Kinh')).toBe('kinh');
    expect(ethnicKey('Đ')).toBe('d');
  });
});

describe('matchEthnicity', () => {
  const summary = (text: string) => {
    const m = matchEthnicity(text);
    if (m.kind === 'ambiguous') return { kind: m.kind, groups: m.groups.map((g) => g.name) };
    if (m.kind === 'unknown') return { kind: m.kind };
    return { ...m, group: m.group.name };
  };

  it('tells exact names, spellings, other names, shared other names and unknown values apart', () => {
    expect(summary('Kinh')).toEqual({ kind: 'exact', group: 'Kinh' });
    expect(summary('Kinh'.toUpperCase())).toEqual({ kind: 'variant', group: 'Kinh', contested: false });
    expect(summary('Khmer')).toEqual({ kind: 'exact', group: 'Khơ-me' }); // the census spelling
    expect(summary('KHMER')).toEqual({ kind: 'variant', group: 'Khơ-me', contested: false });
    expect(summary('Mông')).toEqual({ kind: 'exact', group: 'HMông' });
    expect(summary('Khơ Mú')).toEqual({ kind: 'exact', group: 'Khơ-mú' });
    expect(summary('Lao')).toEqual({ kind: 'variant', group: 'Lào', contested: true });
    expect(summary('Việt')).toEqual({ kind: 'other-name', group: 'Kinh', exact: true });
    expect(summary('VIET')).toEqual({ kind: 'other-name', group: 'Kinh', exact: false });
    expect(summary('Mán')).toEqual({ kind: 'ambiguous', groups: ['Dao', 'Sán Dìu'] });
    expect(summary('Người Kinh')).toEqual({ kind: 'unknown' });
  });

  it('reads NFD input like NFC', () => {
    expect(summary('Mường'.normalize('NFD'))).toEqual({ kind: 'exact', group: 'Mường' });
  });
});
