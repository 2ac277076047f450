import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package version, read once from package.json (two levels up from src/shared or dist/shared). */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
