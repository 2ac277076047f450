import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/formatters/junit.js';
import type { Report } from '../../src/report/model.js';
import { findAll, parseXml, type XmlElement } from '../support/xml.js';
import { fixedReport } from './fixed-report.js';

const render = (report: Report, lang: 'en' | 'vi' = 'en', mask?: boolean) => formatJunit(report, { lang, color: false, mask });
const testcase = (root: XmlElement, suite: string, name: string) =>
  findAll(root, 'testsuite').find((s) => s.attributes.name === suite)!.children.find((c) => c.name === 'testcase' && c.attributes.name === name)!;

describe('JUnit XML', () => {
  it.each(['en', 'vi'] as const)('matches the golden file (%s)', async (lang) => {
    await expect(render(fixedReport(), lang)).toMatchFileSnapshot(`golden/junit.${lang}.xml`);
  });

  it('is well formed, with one suite per input plus the gate, one case per rule, counts that add up', () => {
    const root = parseXml(render(fixedReport()));
    expect(root.name).toBe('testsuites');
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['exports/commune-01.csv', 'dqc']);
    const [input, gate] = suites as [XmlElement, XmlElement];
    const cases = input.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(['input', 'id-valid', 'id-unique', 'same-person', 'name-valid', 'ethnicity-fill', 'phone-valid', 'cmnd-valid']);
    // error rules that failed, and the input with an error-level problem, fail; warnings do not
    const failed = cases.filter((c) => c.children.some((x) => x.name === 'failure')).map((c) => c.attributes.name);
    expect(failed).toEqual(['input', 'id-valid', 'id-unique']);
    expect(input.attributes).toMatchObject({ tests: '8', failures: '3', errors: '0', skipped: '1' });
    expect(gate.attributes).toMatchObject({ tests: '1', failures: '1' });
    expect(root.attributes).toMatchObject({ tests: '9', failures: '4', errors: '0', skipped: '1', time: '4.420' });
  });

  it('gives a failure its counts and samples, masked', () => {
    const root = parseXml(render(fixedReport()));
    const failure = testcase(root, 'exports/commune-01.csv', 'id-valid').children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes).toEqual({ message: '12,345 of 1,234,567 rows failed (1%)', type: 'error' });
    expect(failure.text).toContain('All inputs: 12,345 of 1,234,567 rows failed (1%), 12,346 findings. Limit: none (one failed row fails the rule).');
    expect(failure.text).toContain("row 17, line 18: id_number '001 *** *** 345' is written with separators");
    expect(failure.text).toContain('… and 12,344 more findings');
    expect(render(fixedReport())).not.toContain('085012');
    expect(render(fixedReport(), 'en', false)).toContain('001 085 012 345');
  });

  it('keeps failed warnings green but visible, and marks skipped rules skipped', () => {
    const root = parseXml(render(fixedReport()));
    const person = testcase(root, 'exports/commune-01.csv', 'same-person');
    expect(person.children.map((c) => c.name)).toEqual(['system-out']);
    expect(person.children[0]!.text).toContain('a warning rule does not fail the gate (--fail-on error)');
    const skipped = testcase(root, 'exports/commune-01.csv', 'cmnd-valid').children[0]!;
    expect(skipped.name).toBe('skipped');
    expect(skipped.attributes.message).toBe('column cmnd not found in exports/commune-01.csv');
    const warnings = fixedReport();
    warnings.settings.failOn = 'warning';
    expect(testcase(parseXml(render(warnings)), 'exports/commune-01.csv', 'same-person').children[0]!.name).toBe('failure');
  });

  it('turns an input that could not be read to the end into an error, and a passed gate into a green case', () => {
    const report = fixedReport();
    report.inputs[0]!.complete = false;
    report.gate = { passed: true, reasons: [] };
    const root = parseXml(render(report));
    expect(testcase(root, 'exports/commune-01.csv', 'input').children[0]!.name).toBe('error');
    expect(testcase(root, 'dqc', 'gate').children).toEqual([]);
  });

  it('escapes data and drops characters XML forbids', () => {
    const report = fixedReport();
    const hostile = 'a"b\'c<d>&e]]>\u0001\u0000\ud800';
    report.inputs[0]!.path = hostile;
    report.rules.forEach((rule) => {
      rule.samples.forEach((s) => (s.file = hostile));
      rule.byFile = rule.byFile?.map((f) => ({ ...f, file: hostile }));
      rule.skipped = rule.skipped.map((s) => ({ ...s, file: hostile }));
    });
    report.rules[0]!.id = hostile;
    report.rules[0]!.samples[1]!.data = { field: hostile, value: hostile };
    const xml = render(report);
    const root = parseXml(xml);
    expect(findAll(root, 'testsuite')[0]!.attributes.name).toBe('a"b\'c<d>&e]]>\u2401\u2400\ufffd');
    expect(testcase(root, 'a"b\'c<d>&e]]>\u2401\u2400\ufffd', 'a"b\'c<d>&e]]>\u2401\u2400\ufffd').children[0]!.name).toBe('failure');
  });

  it('the test parser itself refuses what is not well formed', () => {
    for (const bad of ['<a><b></a></b>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a>x<y</a>', '<a/><b/>', '<a>\u0000</a>', '<a x=1/>', '<a']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});
