import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running `module` (a built .js file's URL). Run from the TypeScript sources
 * (tests, `npm run bench` through tsx) it is the .ts file beside it, loaded through tsx's loader,
 * which a worker does not inherit: a two-line bootstrap registers it first.
 */
export function spawnWorker(module: URL, workerData: unknown): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(module, { workerData });
  const api = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const entry = module.href.replace(/\.js$/, '.ts');
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
