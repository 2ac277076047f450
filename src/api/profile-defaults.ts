// Apart from profile.ts so that the command line can show the default in its help without loading
// the profiler (the program declares every command at each start).

/** Most frequent values listed per column, unless --top says otherwise. */
export const DEFAULT_TOP = 10;
/** The largest --top accepted. */
export const MAX_TOP = 1_000;
