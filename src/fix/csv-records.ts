// The record scanner lives in src/input, where the check's reader of non-default dialects uses it
// too: the check and `dqc fix` then find the same records and values by construction.
export * from '../input/record-scanner.js';
