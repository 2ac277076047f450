// A small, strict XML reader for the tests: enough to prove a JUnit file is well formed (one root,
// every tag closed in order, attributes quoted and unique, only the five predefined entities and
// character references, no character XML forbids) and to read its structure. Not a general parser:
// no DTD, no CDATA, no processing instructions other than the declaration.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// eslint-disable-next-line no-control-regex -- forbidden characters are the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function decode(text: string, at: number): string {
  if (text.includes('<')) throw new Error(`'<' in text or attribute near offset ${at}`);
  return text.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated entity near offset ${at}`);
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity &${name}; near offset ${at}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error('character not allowed in XML');
  let i = 0;
  const declaration = /^<\?xml[^?]*\?>\s*/.exec(source);
  if (declaration) i = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
      continue;
    }
    if (source[i] === '<' && source[i + 1] === '/') {
      const end = source.indexOf('>', i);
      const name = source.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}> at offset ${i}`);
      i = end + 1;
      continue;
    }
    if (source[i] === '<') {
      i++;
      const name = NAME.exec(source.slice(i))?.[0];
      if (!name) throw new Error(`bad tag name at offset ${i}`);
      i += name.length;
      const element: XmlElement = { name, attributes: {}, children: [], text: '' };
      for (;;) {
        const space = /^\s*/.exec(source.slice(i))?.[0].length ?? 0;
        i += space;
        if (source.startsWith('/>', i) || source[i] === '>') break;
        if (space === 0) throw new Error(`attributes must be separated by white space at offset ${i}`);
        const attr = /^([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(source.slice(i));
        if (!attr) throw new Error(`bad attribute at offset ${i}`);
        const attrName = attr[1] as string;
        if (attrName in element.attributes) throw new Error(`duplicate attribute ${attrName} at offset ${i}`);
        element.attributes[attrName] = decode(attr[3] ?? attr[4] ?? '', i);
        i += attr[0].length;
      }
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) throw new Error('more than one root element');
      else root = element;
      if (source.startsWith('/>', i)) i += 2;
      else {
        i += 1;
        stack.push(element);
      }
      continue;
    }
    const next = source.indexOf('<', i);
    const text = source.slice(i, next < 0 ? source.length : next);
    const open = stack.at(-1);
    if (open) open.text += decode(text, i);
    else if (text.trim() !== '') throw new Error(`text outside the root element at offset ${i}`);
    i = next < 0 ? source.length : next;
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element with this name, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) found.push(e);
    e.children.forEach(walk);
  };
  walk(element);
  return found;
}
