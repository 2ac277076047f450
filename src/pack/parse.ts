import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { YAMLError } from 'yaml';
import { DqcError } from '../errors.js';
import { lineColumnAt, splitJsonError } from '../input/json-error.js';
import { indexJsonPositions, positionsOf, yaml as yamlParser, type PackPositions } from './positions.js';

/** A pack file's data, and where each of its parts is in the file (for problems' lines and columns). */
export interface PackSource {
  data: unknown;
  positions: PackPositions;
}

/**
 * Reads a pack as data (JSON or YAML by extension): a pack can never run code. YAML is read with
 * the core schema, which constructs no code; a tag it does not know (`!!js/function`, any `!<…>`)
 * would be left a plain string with a warning, and is refused instead so that nothing in a pack is
 * silently read as something other than what it says. Aliases are capped (the "billion laughs").
 * A key given twice is not a syntax error here: it is reported with the pack's other problems
 * (positions.duplicates), in JSON as in YAML.
 */
export function readPackSource(file: string): PackSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DqcError('DQC_PACK_PARSE', { file, syntax: 'JSON/YAML', reason }, { file });
  }
  const yaml = ['.yaml', '.yml'].includes(extname(file).toLowerCase());
  if (yaml) {
    const refuse = (message: string, problem?: YAMLError) => {
      const pos = problem?.linePos?.[0];
      // The place is given apart, after the file name.
      const reason = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return new DqcError('DQC_PACK_PARSE', { file, syntax: 'YAML', reason }, { file, line: pos?.line, column: pos?.col });
    };
    const { LineCounter, parseDocument } = yamlParser();
    const counter = new LineCounter();
    // logLevel silent: problems are ours to report, not printed as process warnings.
    const document = parseDocument(text, { prettyErrors: true, logLevel: 'silent', lineCounter: counter, uniqueKeys: false });
    const problem = document.errors[0] ?? document.warnings[0];
    if (problem) throw refuse(problem.message, problem);
    try {
      return { data: document.toJS({ maxAliasCount: 100 }), positions: positionsOf(document, counter) };
    } catch (error) {
      throw refuse((error as Error).message);
    }
  }
  try {
    return { data: JSON.parse(text.replace(/^\ufeff/, '')), positions: indexJsonPositions(text) };
  } catch (error) {
    const { reason, position } = splitJsonError(error);
    // Where V8 names no position, the YAML parser (JSON is YAML) usually can.
    const yamlPlace = yamlParser().parseDocument(text, { schema: 'json' }).errors[0]?.linePos?.[0];
    const place = position !== undefined ? lineColumnAt(text, position) : yamlPlace && { line: yamlPlace.line, column: yamlPlace.col };
    throw new DqcError('DQC_PACK_PARSE', { file, syntax: 'JSON', reason }, { file, line: place?.line, column: place?.column });
  }
}

/** A pack file's data only. */
export function readPackData(file: string): unknown {
  return readPackSource(file).data;
}
