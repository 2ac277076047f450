// The Vietnamese rule pack end to end: every planted defect kind of fixtures/population-defects.csv
// is reported on its rows under its dimension, a large clean export has no error, `dqc rules`
// lists the pack, and --lang vi speaks Vietnamese for the Vietnamese check types.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, csvRecord, POPULATION_HEADERS, populationRows } from '../../fixtures/generate.js';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';

interface Expected {
  rule: string;
  code: string;
  row: number | null;
  column: string | null;
}

interface Sample {
  row: number | null;
  column: string | null;
  code: string;
  dimension: string;
  value?: string;
  message: string;
}

interface RuleReport {
  id: string;
  check: string;
  dimension: string;
  severity: string;
  status: string;
  samples: Sample[];
}

const DEFECTS = 'fixtures/population-defects.csv';
const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures/population-defects.manifest.json'), 'utf8')) as {
  asOf: string;
  rows: number;
  expected: Expected[];
};
const pack = JSON.parse(readFileSync(join(ROOT, 'rules/vn-population.json'), 'utf8')) as {
  rules: { id: string; check: string; severity: string; description: { en: string; vi: string } }[];
};
const csvRows = parse(readFileSync(join(ROOT, DEFECTS)), { columns: true }) as Record<string, string>[];
const cell = (row: number, column: string): string => (csvRows[row - 1] as Record<string, string>)[column] as string;

/**
 * The dimension each finding code scores under: the check type's own, except the messages that
 * say they belong elsewhere (a fixable spelling is Sạch, an out-of-date value is Sống, a
 * liveness date error is Đúng). Written out here so the test states what the report must say.
 */
const DIMENSION: Record<string, string> = {
  'required/empty': 'sufficient',
  'placeholder/placeholder': 'sufficient',
  'fill-rate/below-min': 'sufficient',
  'unique/duplicate': 'clean',
  'same-person/same-person': 'clean',
  'unicode-nfc/not-nfc': 'clean',
  'whitespace/untrimmed': 'clean',
  'whitespace/repeated-space': 'clean',
  'whitespace/invisible-char': 'clean',
  'vn-text-encoding/tcvn3': 'clean',
  'vn-text-encoding/vni': 'clean',
  'vn-text-encoding/mojibake': 'clean',
  'vn-personal-id/id-separators': 'clean',
  'vn-phone/phone-old-11-digit': 'alive',
  'vn-province/old-province': 'alive',
  'vn-cmnd/cmnd-expired': 'alive',
  'liveness/dead-but-active': 'alive',
  'liveness/too-old': 'alive',
  'liveness/death-before-birth': 'true',
  'liveness/death-in-future': 'true',
  'freshness/stale': 'alive',
  'freshness/in-future': 'alive',
};
const dimensionOf = (code: string): string => DIMENSION[code] ?? 'true';

describe('the vn-population pack on the planted defects', () => {
  let rules: Map<string, RuleReport>;

  beforeAll(() => {
    const { report } = dqcJson(['check', DEFECTS, '--as-of', manifest.asOf, '--sample', '1000']);
    rules = new Map((report.rules as RuleReport[]).map((r) => [r.id, r]));
  });

  // One case per planted kind (rule + code), with the rows the manifest lists for it.
  const kinds = new Map<string, Expected[]>();
  for (const e of manifest.expected) kinds.set(`${e.rule} ${e.code}`, [...(kinds.get(`${e.rule} ${e.code}`) ?? []), e]);

  it('covers every kind the brief asks for, at least twice each', () => {
    const codes = new Set(manifest.expected.map((e) => e.code));
    for (const code of [
      'vn-personal-id/id-format', 'vn-personal-id/id-separators', 'vn-personal-id/id-excel-leading-zero',
      'vn-personal-id/id-scientific-notation', 'vn-personal-id/id-province-code', 'vn-personal-id/id-century',
      'vn-personal-id/id-birth-year-future', 'vn-personal-id/id-birth-year-mismatch', 'vn-personal-id/id-sex-mismatch',
      'vn-personal-id/id-province-mismatch', 'vn-cmnd/cmnd-format', 'vn-cmnd/cmnd-expired', 'vn-tax-code/tax-check-digit',
      'vn-tax-code/tax-format', 'vn-tax-code/tax-not-canonical', 'vn-phone/phone-not-canonical', 'vn-phone/phone-old-11-digit',
      'vn-phone/phone-excel-leading-zero', 'vn-phone/phone-unknown-prefix', 'vn-province/not-a-province',
      'vn-province/province-variant', 'vn-province/old-province', 'vn-ethnicity/variant', 'vn-ethnicity/other-name',
      'vn-ethnicity/not-an-ethnic-group', 'vn-person-name/digit', 'vn-person-name/invalid-character',
      'vn-person-name/wrong-case', 'vn-person-name/middle-name-sex', 'vn-text-encoding/tcvn3', 'vn-text-encoding/vni',
      'vn-text-encoding/mojibake', 'vn-bhxh/bhxh-format', 'vn-bhyt/bhyt-format', 'vn-bhyt/bhyt-bhxh-mismatch',
      'liveness/dead-but-active', 'liveness/too-old', 'liveness/death-before-birth', 'liveness/death-in-future',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
    for (const [kind, list] of kinds) if (!kind.startsWith('ethnicity-fill')) expect(list.length, kind).toBeGreaterThanOrEqual(2);
  });

  for (const [kind, expected] of kinds) {
    const [ruleId, code] = kind.split(' ') as [string, string];
    it(`${ruleId}: ${code} on rows ${expected.map((e) => e.row ?? 'dataset').join(', ')} (${dimensionOf(code)})`, () => {
      const rule = rules.get(ruleId) as RuleReport;
      expect(rule, ruleId).toBeDefined();
      const samples = rule.samples.filter((s) => s.code === code);
      expect(samples.map((s) => [s.row, s.column])).toEqual(expected.map((e) => [e.row, e.column]));
      for (const s of samples) {
        expect(s.dimension, `${code} row ${s.row}`).toBe(dimensionOf(code));
        // same-person's value is the name as it compared it (folded), not the cell.
        if (s.row !== null && s.column !== null && code !== 'same-person/same-person') expect(s.value, `${code} row ${s.row}`).toBe(cell(s.row, s.column));
      }
      // A rule with findings fails; the severity is the pack's.
      expect(rule.status).toBe('failed');
      expect(rule.severity).toBe(pack.rules.find((r) => r.id === ruleId)?.severity);
    });
  }
});

describe('a large clean export', () => {
  it('has no error finding in 100,000 generated rows', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const file = join(dir, 'population-100k.csv');
    let out = csvRecord(POPULATION_HEADERS) + '\n';
    for (const row of populationRows({ seed: 100_000, count: 100_000, asOf: AS_OF })) {
      out += csvRecord(POPULATION_HEADERS.map((h) => row[h])) + '\n';
    }
    writeFileSync(file, out);
    const { code, report } = dqcJson(['check', file, '--as-of', AS_OF]);
    expect(report.inputs[0].rows).toBe(100_000);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.rulesSkipped).toBe(0);
    expect(code).toBe(0);
  });
});

describe('dqc rules --pack vn-population', () => {
  it('lists every rule under its dimension with its severity and both descriptions', () => {
    const run = dqc(['rules', '--pack', 'vn-population']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`vn-population: ${pack.rules.length} rules`);
    // The dimension each rule scores under, as a check run reports it.
    const { report } = dqcJson(['check', 'fixtures/population-clean.csv', '--as-of', AS_OF]);
    const dimensionOfRule = new Map((report.rules as RuleReport[]).map((r) => [r.id, r.dimension]));
    const headings: Record<string, string> = { true: 'Đúng · True', sufficient: 'Đủ · Sufficient', clean: 'Sạch · Clean', alive: 'Sống · Alive' };
    for (const rule of pack.rules) {
      const at = lines.findIndex((l) => l.startsWith(`  ${rule.id}  [${rule.check}]`));
      expect(at, rule.id).toBeGreaterThan(0);
      expect(lines[at]?.endsWith(`  ${rule.severity}`), lines[at]).toBe(true);
      expect(lines[at + 1]).toBe(`      en: ${rule.description.en}`);
      expect(lines[at + 2]).toBe(`      vi: ${rule.description.vi}`);
      const heading = lines.slice(0, at).reverse().find((l) => /^\S/.test(l) && l !== lines[0]);
      expect(heading, rule.id).toBe(headings[dimensionOfRule.get(rule.id) as string]);
    }
    // A few lines exactly as printed.
    expect(lines).toContain('  id-consistency  [vn-personal-id] (id_number, date_of_birth, sex, birth_registration_place)  warning');
    expect(lines).toContain('  liveness  [liveness] (date_of_death, status, date_of_birth)  error');
    expect(lines).toContain('  name-encoding  [vn-text-encoding] (full_name)  error');
    expect(lines).toContain('  residence-province-valid  [vn-province] (residence_province)  warning');
    expect(lines).toContain(
      '      vi: Giấy tờ tùy thân đang dùng không phải CMND, loại giấy hết giá trị sau 31/12/2024.',
    );
  });
});

describe('--lang vi on the Vietnamese check types', () => {
  it('gives the Vietnamese messages', () => {
    const { report } = dqcJson(['check', DEFECTS, '--as-of', manifest.asOf, '--sample', '1000', '--lang', 'vi']);
    const first = (rule: string, code: string): Sample => {
      const sample = (report.rules as RuleReport[]).find((r) => r.id === rule)?.samples.find((s) => s.code === code);
      if (!sample) throw new Error(`${rule} ${code}: no sample`);
      return sample;
    };

    const expired = first('id-document-current', 'vn-cmnd/cmnd-expired');
    expect(expired.message).toBe(
      `Số giấy tờ tùy thân đang dùng ${expired.value} là CMND 9 số, đã hết giá trị sử dụng sau 31/12/2024 (ngày trích xuất 01/11/2026)`,
    );

    const tcvn3 = first('name-encoding', 'vn-text-encoding/tcvn3');
    expect(tcvn3.message).toBe(`Họ và tên đang ở bảng mã cũ TCVN3 (ABC): ${tcvn3.value}`);

    const phone = first('phone-valid', 'vn-phone/phone-old-11-digit');
    expect(phone.message).toMatch(
      new RegExp(`^Số điện thoại '${phone.value}' là số di động 11 chữ số cũ \\(trước 2018\\): đầu số 01\\d\\d đã chuyển thành 0\\d\\d, nay là '0\\d{9}'$`),
    );

    const province = first('residence-province-valid', 'vn-province/old-province');
    expect(province.message).toMatch(new RegExp(`^Tỉnh, thành phố nơi cư trú \\(34 tỉnh, thành từ 01/07/2025\\) '${province.value}' là tỉnh, thành phố trước 01/07/2025; nay thuộc \\S`));

    const dead = first('liveness', 'liveness/dead-but-active');
    expect(dead.message).toMatch(/^Trạng thái là Đang hoạt động dù Ngày chết là \d{2}\/\d{2}\/\d{4}$/);

    const tax = first('tax-code-valid', 'vn-tax-code/tax-check-digit');
    expect(tax.message).toBe(`Mã số thuế '${tax.value}': chữ số kiểm tra (chữ số thứ 10) không khớp với 9 chữ số đầu`);

    const other = first('ethnicity-valid', 'vn-ethnicity/other-name');
    expect(other.message).toBe("Dân tộc 'Việt' là tên gọi khác của dân tộc Kinh (chưa được kiểm chứng)");
  });
});
