import type { Lang } from '../model.js';

/** `--lang` wins, then DQC_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG); English otherwise. */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'vi' || value === 'en') return value;
  }
  for (const name of ['DQC_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return value.toLowerCase().startsWith('vi') ? 'vi' : 'en';
  }
  return 'en';
}
