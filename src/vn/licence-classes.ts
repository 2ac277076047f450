// Driving-licence classes, their minimum ages and validity, before and from 1 January 2025.
// Built from ../shared/domain/data/sector/licence-classes-2025.csv, licence-classes-pre-2025.csv and
// licence-class-mapping.csv (vn-sector-reference §1.4–1.6). The rules of the vn-driving-licence
// pack carry the same tables as options; test/vn/licence-classes.test.ts holds the two together.

/** Validity: whole years from the issue date, `none` (no expiry), or not judged (`skip`) and why. */
export type Validity = { years: number[] } | 'none' | { skip: string };

export interface LicenceClass {
  code: string;
  minAge: number;
  validity: Validity;
  /** The fact is marked UNVERIFIED in the source: a warning or an option, never an error. */
  unverified?: string;
}

/** Law 36/2024/QH15 (in force 1 Jan 2025): classes Art. 57(1), validity Art. 57(5), minimum ages Art. 59(1). */
export const LICENCE_CLASSES_2025: readonly LicenceClass[] = [
  // Art. 57(5)(a): A1, A, B1 unlimited; Art. 59(1)(b): 18.
  { code: 'A1', minAge: 18, validity: 'none' },
  { code: 'A', minAge: 18, validity: 'none' },
  { code: 'B1', minAge: 18, validity: 'none' },
  // Art. 57(5)(b): B, C1 10 years; Art. 59(1)(b): 18.
  { code: 'B', minAge: 18, validity: { years: [10] } },
  { code: 'C1', minAge: 18, validity: { years: [10] } },
  // Art. 57(5)(c): the others 5 years; Art. 59(1)(c) 21, (d) 24, (đ) 27.
  { code: 'C', minAge: 21, validity: { years: [5] } },
  { code: 'D1', minAge: 24, validity: { years: [5] } },
  { code: 'D2', minAge: 24, validity: { years: [5] } },
  { code: 'D', minAge: 27, validity: { years: [5] } },
  { code: 'BE', minAge: 21, validity: { years: [5] } },
  { code: 'C1E', minAge: 24, validity: { years: [5] } },
  { code: 'CE', minAge: 24, validity: { years: [5] } },
  { code: 'D1E', minAge: 27, validity: { years: [5] } },
  { code: 'D2E', minAge: 27, validity: { years: [5] } },
  { code: 'DE', minAge: 27, validity: { years: [5] } },
];

/**
 * Law 23/2008/QH12: classes Art. 59, minimum ages Art. 60; validity Circular 12/2017/TT-BGTVT Art. 17
 * (A4 and B2 had 5 years before it: a 5-year A4/B2 is accepted on a licence issued before 2018, the
 * cut-over date being UNVERIFIED; B1 runs to age 55 (women) / 60 (men), not judged here).
 */
export const LICENCE_CLASSES_PRE_2025: readonly LicenceClass[] = [
  { code: 'A1', minAge: 18, validity: 'none' },
  { code: 'A2', minAge: 18, validity: 'none' },
  { code: 'A3', minAge: 18, validity: 'none' },
  { code: 'A4', minAge: 18, validity: { years: [10] } },
  { code: 'B1 số tự động', minAge: 18, validity: { skip: 'until age 55 (F) / 60 (M), 10 years if issued past 45 / 50' } },
  { code: 'B1', minAge: 18, validity: { skip: 'until age 55 (F) / 60 (M), 10 years if issued past 45 / 50' } },
  { code: 'B2', minAge: 18, validity: { years: [10] } },
  { code: 'C', minAge: 21, validity: { years: [5] } },
  { code: 'D', minAge: 24, validity: { years: [5] } },
  { code: 'E', minAge: 27, validity: { years: [5] } },
  { code: 'FB2', minAge: 21, validity: { years: [5] } },
  { code: 'FC', minAge: 24, validity: { years: [5] } },
  { code: 'FD', minAge: 27, validity: { years: [5] } },
  // Art. 60 states no age for FE: 27 is assumed (UNVERIFIED) — judged by a warning rule only.
  { code: 'FE', minAge: 27, validity: { years: [5] }, unverified: 'minimum age not stated in Law 23/2008 Art. 60' },
];

/** Law 36/2024/QH15 Art. 89(3): the class an old licence is exchanged for (A4 gets a tractor certificate, no class). */
export const LICENCE_CLASS_ON_EXCHANGE: Readonly<Record<string, readonly string[]>> = {
  A1: ['A'], // restricted to < 175 cm³ / < 14 kW
  A2: ['A'],
  A3: ['B1'],
  A4: [],
  'B1 số tự động': ['B'], // automatic only
  B1: ['B', 'C1'],
  B2: ['B', 'C1'],
  C: ['C'],
  D: ['D2'],
  E: ['D'],
  FB2: ['BE', 'C1E'],
  FC: ['CE'],
  FD: ['D2E'],
  FE: ['DE'],
};

/** The first day of the 2025 classes (Law 36/2024/QH15, in force 1 Jan 2025). */
export const CLASSES_2025_FROM = '2025-01-01';
/** Issue dates before this accept the 5-year A4/B2 of the rules before Circular 12/2017 (cut-over UNVERIFIED). */
export const FIVE_YEAR_B2_UNTIL = '2017-12-31';
