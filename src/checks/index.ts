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
import liveness from './liveness.js';
import samePerson from './same-person.js';
import vnBhxh from './vn-bhxh.js';
import vnBhyt from './vn-bhyt.js';
import vnCmnd from './vn-cmnd.js';
import vnEthnicity from './vn-ethnicity.js';
import vnPersonName from './vn-person-name.js';
import vnPersonalId from './vn-personal-id.js';
import vnPhone from './vn-phone.js';
import vnProvince from './vn-province.js';
import vnTaxCode from './vn-tax-code.js';
import vnTextEncoding from './vn-text-encoding.js';
import referenceList from './reference-list.js';
import determines from './determines.js';
import computedDate from './computed-date.js';
import ageAt from './age-at.js';
import vnLicenceNumber from './vn-licence-number.js';
import vnPlate from './vn-plate.js';
import vin from './vin.js';

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
  'liveness',
  'same-person',
  'vn-personal-id',
  'vn-cmnd',
  'vn-tax-code',
  'vn-phone',
  'vn-province',
  'vn-ethnicity',
  'vn-person-name',
  'vn-text-encoding',
  'vn-bhxh',
  'vn-bhyt',
  'reference-list',
  'determines',
  'computed-date',
  'age-at',
  'vn-licence-number',
  'vn-plate',
  'vin',
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
  liveness,
  'same-person': samePerson,
  'vn-personal-id': vnPersonalId,
  'vn-cmnd': vnCmnd,
  'vn-tax-code': vnTaxCode,
  'vn-phone': vnPhone,
  'vn-province': vnProvince,
  'vn-ethnicity': vnEthnicity,
  'vn-person-name': vnPersonName,
  'vn-text-encoding': vnTextEncoding,
  'vn-bhxh': vnBhxh,
  'vn-bhyt': vnBhyt,
  'reference-list': referenceList,
  determines,
  'computed-date': computedDate,
  'age-at': ageAt,
  'vn-licence-number': vnLicenceNumber,
  'vn-plate': vnPlate,
  vin,
};

export function findCheckType(id: string): AnyCheckType | undefined {
  return Object.hasOwn(checkTypes, id) ? checkTypes[id as CheckTypeId] : undefined;
}
