import { describe, expect, it } from 'vitest';
import { proposalRewrittenBySpreadsheet, rewrittenBySpreadsheet, spreadsheetForms } from '../../src/fix/spreadsheet.js';

describe('what a spreadsheet saves for a value it took for a number', () => {
  it.each([
    ['040146646276', ['40146646276']],
    ['123456789012', ['123456789012', '1.23457E+11', '1,23457E+11']],
    ['001203004567', ['1203004567']],
    ['+84913832741', ['84913832741']],
    ['12.50', ['12.5', '12,5']],
    ['12345678901234567', ['12345678901234500', '1.23457E+16', '1,23457E+16']],
    ['120000000000', ['120000000000', '1.2E+11', '1,2E+11']],
  ])('%s', (text, forms) => {
    for (const form of forms) expect([...spreadsheetForms(text)]).toContain(form);
  });

  it('text it keeps as text has no such form', () => {
    for (const text of ['Nguyễn Văn An', '038 153 736344', '079.055.106.802', '', 'DN4797915752978']) expect(spreadsheetForms(text).size).toBe(0);
  });

  it('a current_value rewritten from the cell', () => {
    expect(rewrittenBySpreadsheet('40146646276', '040146646276')).toBe(true);
    expect(rewrittenBySpreadsheet('1.23457E+11', '123456789012')).toBe(true);
    expect(rewrittenBySpreadsheet('040146646276', '040146646276')).toBe(false);
    expect(rewrittenBySpreadsheet('Bình', 'Trần Bình')).toBe(false);
    expect(rewrittenBySpreadsheet('40146646277', '040146646276')).toBe(false);
  });
});

describe('a proposed_value with the shape of a spreadsheet rewrite', () => {
  it.each([
    // the leading zero restored by the fix was dropped again, and current_value is the same number
    ['40146646276', '40146646276', true],
    ['982798307', '982798307', true],
    // current_value kept its zeros as text (separators); the proposal lost them
    ['38153736344', '038 153 736344', true],
    ['79055106802', '079.055.106.802', true],
    ['1', '0-1', true],
    // a national phone number (0913832741) made from +84…, whose zero went
    ['913832741', '+84913832741', true],
    ['913832741', '+84 913 832 741', true],
    // scientific notation the cell never held
    ['1.23457E+11', '123 456 789 012', true],
    ['1,23457E+11', '123456789012', true],
    ['1.23457E+11', '1.23457E+11', true],
    // what checks propose
    ['040146646276', '40146646276', false],
    ['0913832741', '+84913832741', false],
    ['84913832741', '+84913832741', false],
    ['8667463512', '866 746 3512', false],
    ['8448105680', '8448.105.680', false],
    ['7915752978', 'DN4797915752978', false],
    ['Lương Thị Kim Nhung', 'L\u00ad¬ng ThÞ Kim Nhung', false],
    ['12', ' 12 ', false],
    ['1.2E+5', ' 1.2E+5', false],
    ['31', '001', false],
    // a declared code list that writes codes without zeros (vn-ethnicity mode code)
    ['1', '01', false],
    ['1', ' 001 ', false],
  ])('%s (current %s): %s', (proposed, current, rewritten) => {
    expect(proposalRewrittenBySpreadsheet(proposed, current)).toBe(rewritten);
  });
});
