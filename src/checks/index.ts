// The registry of check types. A pack names a check type by its id (the key here).
import type { AnyCheckType } from './define.js';
import compare from './compare.js';
import date from './date.js';
import enumCheck from './enum.js';
import fillRate from './fill-rate.js';
import freshness from './freshness.js';
import length from './length.js';
import pattern from './pattern.js';
import placeholder from './placeholder.js';
import range from './range.js';
import required from './required.js';
import rowCount from './row-count.js';
import unicodeNfc from './unicode-nfc.js';
import unique from './unique.js';
import whitespace from './whitespace.js';

export const CHECK_TYPE_IDS = [
  'required',
  'placeholder',
  'fill-rate',
  'pattern',
  'enum',
  'range',
  'date',
  'length',
  'unique',
  'row-count',
  'freshness',
  'compare',
  'unicode-nfc',
  'whitespace',
] as const;

export type CheckTypeId = (typeof CHECK_TYPE_IDS)[number];

export const checkTypes: Readonly<Record<CheckTypeId, AnyCheckType>> = {
  required,
  placeholder,
  'fill-rate': fillRate,
  pattern,
  enum: enumCheck,
  range,
  date,
  length,
  unique,
  'row-count': rowCount,
  freshness,
  compare,
  'unicode-nfc': unicodeNfc,
  whitespace,
};

export function findCheckType(id: string): AnyCheckType | undefined {
  return Object.hasOwn(checkTypes, id) ? checkTypes[id as CheckTypeId] : undefined;
}
