// The blocking keys of same-person matching: only records that share one of them are compared.
// DESIGN.md "Scale": a surname + birth-year block holds ~40,000 people of a 10M export (Nguyễn is
// ~38% of the population), so every pass keys on something selective.

import { finishKey, mixKey, mixNumber } from './blocking.js';
import { ID_HASHED, type PersonStore } from './records.js';

/** The pass of folded given name + date of birth (an estimation session of the model uses it too). */
export const KEY_GIVEN_DOB = 0;
/** The pass of the whole ID (the other estimation session). */
export const KEY_ID = 6;

/** Day and month in a fixed order, so a date and its day/month swap share a block key. */
export function dayMonthPair(dob: number): number {
  const m = Math.floor(dob / 100) % 100;
  const d = dob % 100;
  return m < d ? m * 100 + d : d * 100 + m;
}

/** Numeric IDs of this many digits or more are also blocked on each part (one wrong digit leaves a part intact). */
const MIN_SPLIT_ID = 7;

/**
 * 10 to the number of digits of an ID's second part: the last six of a 9- or 12-digit ID (the
 * serial), the last four of a 7- or 8-digit one.
 */
function secondPart(length: number): number {
  return length >= 9 ? 1_000_000 : 10_000;
}

/**
 * A place held by at most this many records is an address (a household and its duplicates), not a
 * province or a town: the records at it are compared whatever else differs.
 */
export const HOUSEHOLD_MAX = 12;

/** The blocking passes, each a key function (-1: no key for this record). */
export function blockingKeys(s: PersonStore): ((i: number) => number)[] {
  const foldedOf = s.names.foldedOf;
  const fold = (id: number): number => foldedOf[id]!;
  // The family and given names in a fixed order: a record with the two swapped (names held in two
  // columns) shares the key.
  const names = (seed: number, i: number): number => {
    const given = fold(s.given[i]!);
    const family = fold(s.family[i]!);
    return mixKey(mixKey(seed, Math.min(given, family)), Math.max(given, family));
  };
  // The first letter of the folded given name: what a slip elsewhere in it leaves.
  const initial = (i: number): number => s.names.folded[fold(s.given[i]!)]!.charCodeAt(0) || 0;
  const slipped = (seed: number, i: number): number => mixKey(mixKey(mixKey(seed, fold(s.family[i]!)), fold(s.middle[i]!)), initial(i));
  let places = 0;
  for (let i = 0; i < s.size; i++) places = Math.max(places, s.place[i]!);
  const placeCount = new Int32Array(places + 1);
  for (let i = 0; i < s.size; i++) placeCount[s.place[i]!]!++;
  return [
    // folded given name + full date of birth (day/month in either order)
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      return finishKey(mixKey(mixKey(mixKey(1, fold(s.given[i]!)), Math.floor(dob / 10_000)), dayMonthPair(dob)));
    },
    // folded family and middle names + date of birth: a typo in the given name
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const h = mixKey(mixKey(mixKey(7, fold(s.family[i]!)), fold(s.middle[i]!)), Math.floor(dob / 10_000));
      return finishKey(mixKey(h, dayMonthPair(dob)));
    },
    // folded family and given names, in either column (a dropped middle name, the two swapped) + year
    // and month + the day's tens digit, and (the pass at the end) + the day's units digit: a wrong day
    // digit leaves one of the two (one pass on the year and month alone held every Nguyễn Văn An
    // born in a month: 99M of 540M candidate pairs at 10M rows)
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const h = names(2, i);
      return finishKey(mixKey(mixKey(h, Math.floor(dob / 100)), Math.floor((dob % 100) / 10)));
    },
    // … + year and day: a wrong month digit
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const h = names(8, i);
      return finishKey(mixKey(mixKey(h, Math.floor(dob / 10_000)), dob % 100));
    },
    // … + day and month in either order + the decade: a wrong last digit of the year (this pass and
    // the last two split what was one pass on any year, whose blocks held every Nguyễn Thị Hương
    // born on one day of the year: 3.7M of 8.3M candidate pairs at 1M rows)
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const h = names(3, i);
      return finishKey(mixKey(mixKey(h, dayMonthPair(dob)), Math.floor(dob / 100_000)));
    },
    // ID prefix (province, century and sex, year of a 12-digit ID) + date of birth
    (i) => {
      const id = s.id[i]!;
      const length = s.idLength[i]!;
      const dob = s.dob[i]!;
      if (Number.isNaN(id) || length === ID_HASHED || dob === 0) return -1;
      const prefix = length > 6 ? Math.floor(id / 10 ** (length - 6)) : id;
      return finishKey(mixKey(mixKey(mixKey(4, prefix), Math.floor(dob / 10_000)), dayMonthPair(dob)));
    },
    // the whole ID: a name or a date changed beyond the passes above
    (i) => {
      const id = s.id[i]!;
      return Number.isNaN(id) ? -1 : finishKey(mixKey(mixNumber(5, id), s.idLength[i]!));
    },
    // each part of a numeric ID of 7 digits or more with a name part: one wrong digit leaves a part
    // intact, whatever else changed (the last six digits of a 9- or 12-digit ID are a serial, so a
    // tiny block; the first six say province, century, sex and year, so the given and family names,
    // in either column, narrow them)
    (i) => {
      const id = s.id[i]!;
      const length = s.idLength[i]!;
      if (Number.isNaN(id) || length === ID_HASHED || length < MIN_SPLIT_ID) return -1;
      const part = secondPart(length);
      return finishKey(mixKey(mixKey(9, id - Math.floor(id / part) * part), fold(s.family[i]!)));
    },
    (i) => {
      const id = s.id[i]!;
      const length = s.idLength[i]!;
      if (Number.isNaN(id) || length === ID_HASHED || length < MIN_SPLIT_ID) return -1;
      return finishKey(mixKey(mixKey(names(10, i), Math.floor(id / secondPart(length))), length));
    },
    // the first part of the ID + family and middle names + the given name's first letter: a wrong
    // digit in the serial together with a slip in the given name (which the pass above keys on)
    (i) => {
      const id = s.id[i]!;
      const length = s.idLength[i]!;
      if (Number.isNaN(id) || length === ID_HASHED || length < MIN_SPLIT_ID) return -1;
      return finishKey(mixKey(mixKey(slipped(15, i), Math.floor(id / secondPart(length))), length));
    },
    // phone
    (i) => {
      const phone = s.phone[i]!;
      return Number.isNaN(phone) ? -1 : finishKey(mixNumber(6, phone));
    },
    // family and middle names + the given name's first letter + the birthday but one of its parts or
    // digits: a slip in the given name together with a wrong digit of the birthday (the passes above
    // key on the whole given name and those on the whole birthday). Year and month + the day's tens
    // digit here, + its units digit at the end, as for the names above.
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      return finishKey(mixKey(mixKey(slipped(16, i), Math.floor(dob / 100)), Math.floor((dob % 100) / 10)));
    },
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      return finishKey(mixKey(mixKey(slipped(17, i), Math.floor(dob / 10_000)), dob % 100));
    },
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      return finishKey(mixKey(mixKey(slipped(18, i), dayMonthPair(dob)), Math.floor(dob / 100_000)));
    },
    // family and given names + day and month in either order + the last digit of the year and the
    // century: a wrong decade digit
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const year = Math.floor(dob / 10_000);
      const h = names(11, i);
      return finishKey(mixKey(mixKey(mixKey(h, dayMonthPair(dob)), year % 10), Math.floor(year / 100)));
    },
    // … + the last two digits of the year: a wrong century or millennium digit (2005 for 1905)
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      const h = names(12, i);
      return finishKey(mixKey(mixKey(h, dayMonthPair(dob)), Math.floor(dob / 10_000) % 100));
    },
    // given and family name in either column (a register with names in two columns, swapped on one
    // record) + date of birth: the two names in a fixed order
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0 || s.family[i] === 0) return -1;
      const h = names(13, i);
      return finishKey(mixKey(mixKey(h, Math.floor(dob / 10_000)), dayMonthPair(dob)));
    },
    // the place, when few records hold it (an address): a record whose names, birthday and ID all
    // changed a little (a swap, a slip, a digit), or whose birthday and ID are both missing
    (i) => {
      const place = s.place[i]!;
      return place === 0 || placeCount[place]! > HOUSEHOLD_MAX ? -1 : finishKey(mixKey(14, place));
    },
    // the two passes on year and month above, with the day's units digit instead of its tens
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      return finishKey(mixKey(mixKey(names(19, i), Math.floor(dob / 100)), dob % 10));
    },
    (i) => {
      const dob = s.dob[i]!;
      if (dob === 0) return -1;
      return finishKey(mixKey(mixKey(slipped(20, i), Math.floor(dob / 100)), dob % 10));
    },
  ];
}

