import type { Lang } from '../model.js';
import type { Profile } from './model.js';

/** How a profile is written: the formatters' one argument besides the profile. */
export interface ProfileFormatContext {
  lang: Lang;
  /** Colour escapes allowed (console only). */
  color: boolean;
  /** HTML: mask identity numbers and names (default true). */
  mask?: boolean;
}

export type ProfileFormatter = (profile: Profile, context: ProfileFormatContext) => string;
