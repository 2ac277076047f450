import { checkTypes } from '../checks/index.js';
import type { Lang } from '../model.js';
import type { Io } from './check.js';

/** `dqc checks`: every check type with its default dimension and description. */
export function checksCommand(lang: Lang, io: Io): number {
  const width = Math.max(...Object.keys(checkTypes).map((id) => id.length)) + 2;
  const lines = Object.entries(checkTypes).map(
    ([id, checkType]) => `${id.padEnd(width)}${checkType.meta.dimension.padEnd(11)}${checkType.meta.description[lang]}`,
  );
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
