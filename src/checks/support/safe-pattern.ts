import { performance } from 'node:perf_hooks';
import { createContext, Script } from 'node:vm';
import { attackStrings } from './regex-attacks.js';
import { CheckSetupError } from './setup-error.js';

// A pack's regular expression runs on every value of a column, and V8's engine backtracks: a
// pattern like (a+)+$ takes exponential time on "aaaa…!", and nothing can interrupt a running
// match. So a pattern is time-boxed once, when the pack is loaded: it runs on test values aimed at
// each of its repetitions (regex-attacks.ts) under a watchdog (node:vm's timeout stops even a
// running match), and a pattern that is slow on any of them is refused with the value that showed
// it. At run time the values tested are capped in length (the pattern check's max_length), which
// bounds the polynomial cost of ordinary patterns (\d+x is quadratic in the value's length).
//
// Static detectors (safe-regex2's star height) were tried first and left out: they refuse common,
// harmless shapes such as ^(\d{3}-){2}\d{4}$ or ^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}+)*$ and accept
// exponential ones such as ^(a|aa)+$ (docs/decisions.md, "Hostile input").

/** A test value that takes longer than this shows catastrophic backtracking. */
export const PROBE_LIMIT_MS = 100;
/** The watchdog wakes up this often to see whether the value being tried is over PROBE_LIMIT_MS. */
const SLICE_MS = 150;
/** All test values of one pattern together may take this long (a quadratic pattern on 1,000 characters takes ~200 ms). */
const TOTAL_LIMIT_MS = 3_000;

export interface SlowPattern {
  /** Length of the test value that was too slow. */
  length: number;
  /** The test value, shortened for a message. */
  sample: string;
  /** The limit it passed, in milliseconds. */
  ms: number;
}

const PROBE = new Script(`
  for (let i = state.from; i < attacks.length; i++) {
    state.current = i;
    state.started = now();
    regexp.lastIndex = 0;
    regexp.test(attacks[i]);
    if (now() - state.started > limit) {
      state.slow = i;
      break;
    }
  }
  state.done = true;
`);

const verdicts = new Map<string, SlowPattern | null>();

function preview(text: string): string {
  return JSON.stringify(text.length <= 24 ? text : `${text.slice(0, 16)}…${text.slice(-4)}`);
}

/** Runs the pattern on its test values under the watchdog; null when none of them is slow. */
export function probePattern(regexp: RegExp, maxLength: number): SlowPattern | null {
  const key = `${regexp.flags}/${maxLength}/${regexp.source}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const attacks = attackStrings(regexp.source, regexp.flags, maxLength);
  const state = { from: 0, current: 0, started: 0, slow: -1, done: false };
  const context = createContext({ regexp, attacks, state, limit: PROBE_LIMIT_MS, now: () => performance.now() });
  const began = performance.now();
  let ms = PROBE_LIMIT_MS;
  let slow = -1;
  // A value found slow is tried once more from its start before the verdict: a pause of the whole
  // process (a busy machine, garbage collection) must not condemn a pattern; backtracking is slow again.
  const retried = new Set<number>();
  // The watchdog stops the script every SLICE_MS; a value interrupted before PROBE_LIMIT_MS is
  // tried again from its start in the next slice, so a slow one is found within a slice or two.
  while (slow < 0 && !(state.done && state.slow < 0)) {
    state.done = false;
    try {
      PROBE.runInContext(context, { timeout: SLICE_MS });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      const now = performance.now();
      if (now - state.started > PROBE_LIMIT_MS) state.slow = state.current;
      else if (now - began > TOTAL_LIMIT_MS) {
        slow = state.current;
        ms = TOTAL_LIMIT_MS;
      } else state.from = state.current;
    }
    if (state.slow >= 0) {
      if (retried.has(state.slow)) slow = state.slow;
      else {
        retried.add(state.slow);
        state.from = state.slow;
        state.slow = -1;
      }
    }
  }
  const slowText = attacks[slow];
  const verdict = slowText === undefined ? null : { length: slowText.length, sample: preview(slowText), ms };
  verdicts.set(key, verdict);
  return verdict;
}

/**
 * The RegExp of a pack's pattern, or a CheckSetupError: when it does not compile
 * (`pack.check-setup` with the engine's reason) or when it backtracks catastrophically
 * (`pack.unsafe-pattern`, naming the pattern and the test value that showed it).
 */
export function compileSafePattern(pattern: string, flags: string, maxLength: number): RegExp {
  let regexp: RegExp;
  try {
    regexp = new RegExp(pattern, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CheckSetupError('pack.check-setup', { check: 'pattern', reason: `pattern /${pattern}/${flags} does not compile: ${reason}` });
  }
  const slow = probePattern(regexp, maxLength);
  if (slow) throw new CheckSetupError('pack.unsafe-pattern', { pattern, flags, ...slow });
  return regexp;
}
