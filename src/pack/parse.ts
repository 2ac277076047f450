import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { DqcError } from '../errors.js';

function lineColumnAt(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  return { line: before.split('\n').length, column: position - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Reads a pack as data (JSON or YAML by extension). YAML is parsed without custom tags: a pack can never run code. */
export function readPackData(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DqcError('DQC_PACK_NOT_FOUND', { pack: file, shipped: (error as Error).message });
  }
  const yaml = ['.yaml', '.yml'].includes(extname(file).toLowerCase());
  if (yaml) {
    try {
      return parseYaml(text, { prettyErrors: true });
    } catch (error) {
      const pos = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
      const reason = (error as Error).message.split('\n')[0] ?? '';
      throw new DqcError('DQC_PACK_PARSE', { file, syntax: 'YAML', reason }, { file, line: pos?.line, column: pos?.col });
    }
  }
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    const place = match ? lineColumnAt(text, Number(match[1])) : undefined;
    const reason = message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position[\s\S]*$/, '');
    throw new DqcError('DQC_PACK_PARSE', { file, syntax: 'JSON', reason }, { file, line: place?.line, column: place?.column });
  }
}
