import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import { DiskFull, diskFullReasonOf } from './disk-full';
import * as schema from './schema';
import { cachePreparedStatements } from './statement-cache';
import { startWorker } from './worker-script';
import { JobsNotSent, type GroupRunner, type WorkerGroup } from './job-group';
import { inTransaction, type Settled } from './transaction';

/** What the worker is started with: the database the main thread opened and migrated. */
interface Start {
  readonly url: string;
  readonly busyTimeoutMs: number;
}

type Request = { readonly id: number; readonly group: string; readonly inputs: readonly unknown[] } | { readonly close: true };
/** A failure as it crosses to the main thread: a full disk said as one (see DiskFull), any other as its group carries it. */
type Carried = { readonly diskFull: string } | { readonly group: unknown };
type Answer = { readonly id: number; readonly settled: readonly Settled<unknown>[] } | { readonly id: number; readonly failed: Carried };

function carried(group: Pick<WorkerGroup<never, unknown>, 'errorToData'>, error: unknown): Carried {
  const reason = diskFullReasonOf(error);
  return reason === null ? { group: group.errorToData(error) } : { diskFull: reason };
}

function uncarried(group: Pick<WorkerGroup<never, unknown>, 'errorFromData'>, data: Carried): unknown {
  return 'diskFull' in data ? new DiskFull(data.diskFull) : group.errorFromData(data.group);
}

/**
 * The write worker as the write queue sees it: runs a group's jobs in one
 * transaction on its own connection and its own thread, and answers with
 * each job's result after the commit.
 *
 * Why a thread: the native driver is synchronous, so a transaction holds
 * its thread from BEGIN to the fsync of its COMMIT. On the main thread that
 * was over half its time under ten clients moving cards (0.31 ms of every
 * 0.57 ms move), in which no request could be read and no answer written,
 * and the COMMIT alone is 0.7 ms of waiting on the disk. Here the main
 * thread reads the next moves and answers the last ones while this
 * transaction runs. The queue still runs one transaction at a time, here or
 * there, so the two writers never wait on each other's lock.
 *
 * If the thread fails (its script cannot load, an error escapes it), the
 * jobs it held fail with that error, the error is logged, and from then on
 * the queue runs every group on the main thread as before.
 */
export class WriteWorker implements GroupRunner {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: unknown) => void }>();
  #nextId = 1;
  #stopped: Error | null = null;
  #closing = false;
  readonly #exited: Promise<void>;

  constructor(entry: URL, start: Start) {
    this.#worker = startWorker(entry, start satisfies Start);
    // An idle worker does not keep the process alive; a transaction in flight is awaited by its callers.
    this.#worker.unref();
    this.#worker.on('message', (answer: Answer) => {
      const waiting = this.#waiting.get(answer.id);
      this.#waiting.delete(answer.id);
      waiting?.resolve(answer);
    });
    this.#worker.on('error', (error) => {
      console.error(`The write worker failed; writes go on in the main thread. ${error.stack ?? error.message}`);
      this.#stop(error);
    });
    this.#exited = new Promise((exited) =>
      this.#worker.on('exit', (code) => {
        this.#stop(new Error(this.#closing ? 'the database is closed' : `the write worker stopped (exit code ${code})`));
        exited();
      }),
    );
  }

  get working(): boolean {
    return this.#stopped === null && !this.#closing;
  }

  async run<Input, Output>(group: WorkerGroup<Input, Output>, inputs: readonly Input[]): Promise<Settled<Output>[]> {
    if (this.#stopped !== null) throw this.#stopped;
    const id = this.#nextId++;
    const answer = await new Promise<Answer>((resolve, reject) => {
      try {
        this.#worker.postMessage({ id, group: group.name, inputs } satisfies Request);
      } catch (error) {
        // The copy failed before anything reached the thread: nothing was done, and nothing waits for an answer.
        reject(new JobsNotSent(error));
        return;
      }
      this.#waiting.set(id, { resolve, reject });
    });
    if ('failed' in answer) throw uncarried(group, answer.failed);
    return answer.settled.map((settled) => (settled.ok ? (settled as Settled<Output>) : { ok: false, error: uncarried(group, settled.error as Carried) }));
  }

  /** Lets the transactions already sent finish, closes the worker's connection and resolves once the thread has ended. */
  close(): Promise<void> {
    if (!this.#closing && this.#stopped === null) this.#worker.postMessage({ close: true } satisfies Request);
    this.#closing = true;
    return this.#exited;
  }

  #stop(error: Error): void {
    this.#stopped ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}

/**
 * The worker thread's side, called by its script with the groups it may
 * run: opens its own connection to the database (migrated by the main
 * thread before it started the worker) and runs the groups it is sent, one
 * transaction at a time, in the order they came. Each group is alone in
 * its transaction, so if it throws, the transaction rolls back and every
 * job in it fails with that error.
 */
export function serveGroups(groups: readonly WorkerGroup<never, unknown>[]): void {
  if (isMainThread || parentPort === null) throw new Error('serveGroups runs on the write worker thread');
  const port = parentPort;
  const start = workerData as Start;
  const byName = new Map(groups.map((group) => [group.name, group as unknown as WorkerGroup<unknown, unknown>]));
  cachePreparedStatements();
  const client = createClient({ url: start.url, timeout: start.busyTimeoutMs, concurrency: 1 });
  const db = drizzle(client, { schema });
  const handle = async (request: Request): Promise<void> => {
    if ('close' in request) {
      client.close();
      port.close();
      return;
    }
    const group = byName.get(request.group);
    // A group its script does not serve is a bug in the script: it fails the worker, and the main thread takes over.
    if (group === undefined) throw new Error(`the write worker has no group named ${request.group}`);
    let answer: Answer;
    try {
      const settled = await inTransaction(db, (tx) => group.run(tx, request.inputs));
      answer = { id: request.id, settled: settled.map((s) => (s.ok ? s : { ok: false, error: carried(group, s.error) })) };
    } catch (error) {
      answer = { id: request.id, failed: carried(group, error) };
    }
    // Outside the try: an answer that cannot be copied is a bug, and fails the worker loudly (see WriteWorker).
    port.postMessage(answer);
  };
  // A failure is thrown outside the chain, so that the thread ends with it (and the main thread takes over)
  // instead of the chain rejecting every request after it, unanswered.
  const failThread = (error: unknown): void => {
    setImmediate(() => {
      throw error;
    });
  };
  let queue = Promise.resolve();
  port.on('message', (request: Request) => {
    queue = queue.then(() => handle(request)).catch(failThread);
  });
}
