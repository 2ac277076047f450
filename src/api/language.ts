import { DqcError } from '../errors.js';
import type { Lang } from '../model.js';

/** Runs `work`; a DqcError it throws leaves with its message in `lang`, the caller's language. */
export async function speaking<T>(lang: Lang, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DqcError) error.inLanguage(lang);
    throw error;
  }
}
