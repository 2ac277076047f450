// Numbers as they are written in exports: '1234.5', '1.234,5' (Vietnamese), '1,234.5'. A group
// separator is only accepted in groups of three, so '1,5' in a '.' column is refused rather than
// silently read as 15.

export type DecimalSeparator = '.' | ',';
export type NumberParser = (text: string) => number | null;

function compile(decimal: DecimalSeparator): RegExp {
  const d = decimal === '.' ? '\\.' : ',';
  const g = decimal === '.' ? ',' : '\\.';
  return new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d*)(?:${d}(\\d+))?$`);
}

const POINT = compile('.');
const COMMA = compile(',');

/** A parser for one decimal separator; surrounding white space is ignored, anything else is not a number. */
export function numberParser(decimal: DecimalSeparator): NumberParser {
  const shape = decimal === '.' ? POINT : COMMA;
  const group = decimal === '.' ? /,/g : /\./g;
  return (text) => {
    const match = shape.exec(text.trim());
    if (!match) return null;
    const whole = (match[2] as string).replace(group, '');
    const fraction = match[3];
    if (whole === '' && fraction === undefined) return null;
    return Number(`${match[1]}${whole || '0'}${fraction === undefined ? '' : `.${fraction}`}`);
  };
}
