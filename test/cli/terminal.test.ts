import { describe, expect, it } from 'vitest';
import { colorWanted, progressWanted } from '../../src/cli/progress.js';
import { detectLang } from '../../src/cli/lang.js';

describe('terminal decisions', () => {
  it.each([
    [undefined, true, {}, true],
    [undefined, false, {}, false],
    [false, true, {}, false],
    [undefined, true, { NO_COLOR: '1' }, false],
    [undefined, true, { NO_COLOR: '' }, true],
    [undefined, false, { FORCE_COLOR: '1' }, true],
    [undefined, true, { TERM: 'dumb' }, false],
    [false, true, { FORCE_COLOR: '1' }, false],
  ])('colour flag=%s tty=%s env=%j → %s', (flag, tty, env, expected) => {
    expect(colorWanted(flag, tty, env)).toBe(expected);
  });

  it.each([
    [false, true, {}, true],
    [true, true, {}, false],
    [false, false, {}, false],
    [false, true, { CI: 'true' }, false],
  ])('progress quiet=%s tty=%s env=%j → %s', (quiet, tty, env, expected) => {
    expect(progressWanted(quiet, tty, env)).toBe(expected);
  });

  it.each([
    [['--lang', 'vi'], { LANG: 'en_US.UTF-8' }, 'vi'],
    [['--lang=en'], { LANG: 'vi_VN.UTF-8' }, 'en'],
    [[], { DQC_LANG: 'vi' }, 'vi'],
    [[], { LC_ALL: 'vi_VN.UTF-8', LANG: 'en_US' }, 'vi'],
    [[], { LANG: 'vi_VN' }, 'vi'],
    [[], { LANG: 'de_DE.UTF-8' }, 'en'],
    [[], {}, 'en'],
    [['--lang', 'fr'], { LANG: 'vi' }, 'vi'],
  ])('language argv=%j env=%j → %s', (argv, env, expected) => {
    expect(detectLang(argv, env)).toBe(expected);
  });
});
