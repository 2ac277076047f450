// A worker thread of a rule-parallel run (parallel.ts): runs its share of the rules over every
// input and posts the findings (when asked) and the rule results back.
import { parentPort, workerData } from 'node:worker_threads';
import { PACE_WINDOW, serializeError, type AllowMessage, type WorkerInput, type WorkerMessage } from './worker-protocol.js';
import { FindingBatcher } from './finding-batcher.js';
import { runGroup, type RunOptions } from './run.js';

/** Findings per message. */
const BATCH = 2048;
const port = parentPort!;
const input = workerData as WorkerInput;
const batcher = new FindingBatcher(BATCH, (batch) => port.postMessage({ type: 'findings', ...batch } satisfies WorkerMessage));

// How far this thread may read before the slowest one catches up (parallel.ts, PACE_WINDOW).
let allowed = PACE_WINDOW;
let wake: (() => void) | null = null;
port.on('message', (message: AllowMessage) => {
  if (message.type === 'allow' && message.position > allowed) {
    allowed = message.position;
    wake?.();
  }
});

async function waitUntilAllowed(position: number): Promise<void> {
  while (position > allowed) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
}

try {
  const result = await runGroup(input.options as RunOptions, {
    rules: new Set(input.rules),
    primary: false,
    sink: input.findings ? (finding, position, rule) => batcher.add(finding, position, rule) : undefined,
    onTick: input.findings ? (position) => batcher.passed(position) : undefined,
    pace: input.findings ? (position) => (position > allowed ? waitUntilAllowed(position) : undefined) : undefined,
  });
  if (input.findings) batcher.end();
  port.postMessage({ type: 'done', result } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({ type: 'failed', error: serializeError(error) } satisfies WorkerMessage);
}
