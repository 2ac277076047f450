import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseDocument, type YAMLError } from 'yaml';
import { DqcError } from '../errors.js';
import { lineColumnAt, splitJsonError } from '../input/json-error.js';

/**
 * Reads a pack as data (JSON or YAML by extension): a pack can never run code. YAML is read with
 * the core schema, which constructs no code; a tag it does not know (`!!js/function`, any `!<…>`)
 * would be left a plain string with a warning, and is refused instead so that nothing in a pack is
 * silently read as something other than what it says. Aliases are capped (the "billion laughs").
 */
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
    const refuse = (message: string, problem?: YAMLError) => {
      const pos = problem?.linePos?.[0];
      // The place is given apart, after the file name.
      const reason = (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return new DqcError('DQC_PACK_PARSE', { file, syntax: 'YAML', reason }, { file, line: pos?.line, column: pos?.col });
    };
    // logLevel silent: problems are ours to report, not printed as process warnings.
    const document = parseDocument(text, { prettyErrors: true, logLevel: 'silent' });
    const problem = document.errors[0] ?? document.warnings[0];
    if (problem) throw refuse(problem.message, problem);
    try {
      return document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      throw refuse((error as Error).message);
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
