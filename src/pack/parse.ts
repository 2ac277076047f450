import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml, parseDocument, YAMLParseError } from 'yaml';
import { DqcError } from '../errors.js';
import { lineColumnAt, splitJsonError } from '../input/json-error.js';

/** Reads a pack as data (JSON or YAML by extension). YAML is parsed without custom tags: a pack can never run code. */
export function readPackData(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DqcError('DQC_PACK_PARSE', { file, syntax: 'JSON/YAML', reason }, { file });
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
    const { reason, position } = splitJsonError(error);
    // Where V8 names no position, the YAML parser (JSON is YAML) usually can.
    const yamlPlace = parseDocument(text, { schema: 'json' }).errors[0]?.linePos?.[0];
    const place = position !== undefined ? lineColumnAt(text, position) : yamlPlace && { line: yamlPlace.line, column: yamlPlace.col };
    throw new DqcError('DQC_PACK_PARSE', { file, syntax: 'JSON', reason }, { file, line: place?.line, column: place?.column });
  }
}
