import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread running a script of the project. The built server's
 * scripts are plain JavaScript and, as every worker does, take the
 * process's own Node options (--enable-source-maps, --cpu-prof). From the
 * sources (tests, `npm run dev`), tsx loads it: a worker does not take the
 * loader hooks of `--import tsx`, so it is started with tsx's own import.
 */
export function startWorker(entry: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, ...(resourceLimits !== undefined && { resourceLimits }) };
  return entry.pathname.endsWith('.ts')
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`, { eval: true, ...options })
    : new Worker(entry, options);
}
