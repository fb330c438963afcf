import type { Db, Tx } from './client';
import { DiskFullWatch } from './disk-full-watch';
import { isWorkerGroup, JobsNotSent, type GroupRunner, type JobGroup, type WorkerGroup } from './job-group';
import { inSavepoint, inTransaction, type Settled } from './transaction';

/** Where a part of a batch commits: on the runner, for a run of one worker group's jobs. */
interface Elsewhere {
  readonly runner: GroupRunner;
  readonly group: WorkerGroup<unknown, unknown>;
}

/** Jobs of a batch that commit in one transaction: here, or elsewhere. */
interface Part {
  readonly jobs: Job[];
  readonly elsewhere?: Elsewhere;
}

type Job =
  | { readonly work: (tx: Tx) => Promise<unknown>; readonly resolve: (value: unknown) => void; readonly reject: (error: unknown) => void }
  | { readonly group: JobGroup<unknown, unknown>; readonly input: unknown; readonly resolve: (value: unknown) => void; readonly reject: (error: unknown) => void };

/** Write transactions a queue has run since it was made, and the jobs they held: jobs ÷ transactions is how many writes a commit carries. */
export interface WriteCounts {
  readonly transactions: number;
  readonly jobs: number;
}

/** How many transactions' sizes the queue remembers when it gathers (see WriteQueue's `#enqueue`). */
const recentBatchesKept = 8;

/**
 * Every write of this process goes through one queue.
 *
 * @libsql/client's native calls are synchronous, so two writers waiting on
 * each other's lock would freeze the event loop, and a BEGIN that fails with
 * SQLITE_BUSY breaks its pooled connection. Writing one at a time avoids both.
 *
 * Jobs that queue up in the same turn of the event loop, or while a
 * transaction runs, are committed together in one transaction (group
 * commit): each runs inside its own savepoint, so a job that fails rolls
 * back alone, and each caller is answered only after the commit that made
 * its work durable. If that commit fails, every job in it fails.
 *
 * Given a runner elsewhere (the write worker), each run of a worker group's
 * jobs in a batch commits there instead, in its own transaction; the queue
 * still runs one transaction at a time. Their callers are answered once the
 * next transaction has been handed over, so that the worker is not left
 * waiting while this thread writes the answers.
 */
export class WriteQueue {
  readonly #db: Db;
  readonly #elsewhere: GroupRunner | undefined;
  readonly #maxBatch: number;
  readonly #gatherMs: number;
  readonly #diskFull: DiskFullWatch;
  #pending: Job[] = [];
  #draining = false;
  /** Jobs in each of the last few transactions: the most of them is how many to wait for before the next one starts (see {@link #enqueue}). */
  readonly #recentBatches: number[] = [];
  #transactions = 0;
  #jobs = 0;
  #writesEnded = 0;
  /** Callers of {@link settled} waiting for the queue to empty. */
  #whenSettled: (() => void)[] = [];

  /** `diskFullChanged` is told when {@link diskFull} changes: the reason when a write has just failed for a full disk, null when one has succeeded since. */
  constructor(db: Db, options: { maxBatch?: number; gatherMs?: number; elsewhere?: GroupRunner; diskFullChanged?: (reason: string | null) => void } = {}) {
    this.#db = db;
    this.#elsewhere = options.elsewhere;
    this.#maxBatch = options.maxBatch ?? 128;
    this.#gatherMs = options.gatherMs ?? 2;
    this.#diskFull = new DiskFullWatch(options.diskFullChanged);
  }

  /** Why the last write failed for a full disk, from that failure until a write succeeds again; null otherwise (see DiskFullWatch). */
  get diskFull(): string | null {
    return this.#diskFull.reason;
  }

  /** See {@link WriteCounts}. */
  get counts(): WriteCounts {
    return { transactions: this.#transactions, jobs: this.#jobs };
  }

  /**
   * How many transactions holding a `run` job (every write but a group's
   * jobs: a sign-out, a disabled account, a note, an import) have ended.
   * It changes after such a commit and before its callers are answered, so
   * a reader that keeps rows only such writes change (the sessions) knows
   * them to be current while it stays the same. Moves, a group's jobs,
   * leave it alone.
   */
  get writesEnded(): number {
    return this.#writesEnded;
  }

  /** Whether no job waits or runs. */
  get idle(): boolean {
    return !this.#draining && this.#pending.length === 0;
  }

  /** Resolves once the queue is {@link idle}: every write queued so far has committed or failed, and been answered. */
  settled(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.#whenSettled.push(resolve));
  }

  readonly run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => new Promise<T>((resolve, reject) => this.#enqueue({ work, resolve: resolve as (value: unknown) => void, reject }));

  /** Queues one input of a group; answered with its result after the commit. */
  readonly together = <Input, Output>(group: JobGroup<Input, Output>, input: Input): Promise<Output> =>
    new Promise<Output>((resolve, reject) => this.#enqueue({ group: group as JobGroup<unknown, unknown>, input, resolve: resolve as (value: unknown) => void, reject }));

  /**
   * Starts a transaction at the next turn of the event loop, or gathers
   * first. Not now: the native driver answers synchronously, so a
   * transaction started here would run to its commit without yielding, and
   * requests already read from their sockets could never join it. Waiting
   * one turn lets them queue and share the commit.
   *
   * Under load one turn is not enough: the callers answered by one commit
   * send their next writes while the others' are being committed, so ten
   * users moving cards split into two halves that take turns, each paying
   * for a commit of its own. So while fewer jobs wait than the largest of
   * the last eight transactions held, the queue keeps turning the event
   * loop, reading what arrives, for up to `gatherMs` (2 ms), and starts as
   * soon as that many are queued. One user alone, whose transactions hold
   * one job, never waits; after a burst, at most the next eight wait.
   *
   * Ten clients moving over HTTP, alternating runs: transactions of 5.0
   * moves on average became 9-10, and moves a second rose by up to 40 %
   * when the VM was slow (at its fastest, its clients answer quickly enough
   * that a wait of 1 ms already gathers them). Waiting on the last
   * transaction's size instead left the halves apart whenever one wait ran
   * out (it then aimed at half); waiting on a timer gathered less and
   * gained nothing measurable (the process slept, and woke later than the
   * requests arrived); turning the loop for a quarter of a millisecond
   * gathered nothing (the other half answers later than that).
   *
   * With the write worker there is no gathering: this thread is free while
   * the worker commits, so the moves that arrive meanwhile are the next
   * group, and turning the loop here only took CPU from the worker and the
   * clients (ten clients, three alternating pairs of moves-only runs:
   * 1,577–2,325 moves/s gathering, 2,037–2,458 not).
   */
  #enqueue(job: Job): void {
    this.#pending.push(job);
    if (this.#draining) return;
    this.#draining = true;
    const wanted = this.#elsewhere?.working === true ? 1 : Math.max(1, ...this.#recentBatches);
    const until = performance.now() + this.#gatherMs;
    setImmediate(() => this.#gather(wanted, until));
  }

  /** Starts the transaction once `wanted` jobs wait or the clock passes `until`; until then, one more turn of the event loop. */
  #gather(wanted: number, until: number): void {
    if (this.#pending.length < wanted && performance.now() < until) {
      setImmediate(() => this.#gather(wanted, until));
      return;
    }
    void this.#drain();
  }

  async #drain(): Promise<void> {
    // The answers of the worker's last transaction: given only once the next one is on its way, so that
    // the worker commits the next moves while this thread writes the answers (see WriteWorker).
    let answerLast: (() => void) | undefined;
    try {
      while (this.#pending.length > 0) {
        for (const part of this.#parts(this.#pending.splice(0, this.#maxBatch))) {
          this.#transactions += 1;
          this.#jobs += part.jobs.length;
          this.#recentBatches.push(part.jobs.length);
          if (this.#recentBatches.length > recentBatchesKept) this.#recentBatches.shift();
          if (part.elsewhere === undefined) {
            answerLast?.();
            answerLast = undefined;
            await this.#commitHere(part.jobs);
          } else {
            const answered = this.#commitElsewhere(part.elsewhere, part.jobs);
            answerLast?.();
            answerLast = await answered;
          }
        }
      }
    } finally {
      answerLast?.();
      this.#draining = false;
      for (const settled of this.#whenSettled.splice(0)) settled();
    }
  }

  /**
   * A batch cut into its transactions, in order: each run of one worker
   * group's jobs next to each other goes to the write worker, when there is
   * one; the jobs between such runs commit here, together.
   */
  #parts(batch: readonly Job[]): Part[] {
    const runner = this.#elsewhere?.working === true ? this.#elsewhere : undefined;
    const parts: Part[] = [];
    for (const job of batch) {
      const group = runner !== undefined && 'group' in job && isWorkerGroup(job.group) ? job.group : undefined;
      const last = parts.at(-1);
      if (last !== undefined && last.elsewhere?.group === group) last.jobs.push(job);
      else parts.push(runner === undefined || group === undefined ? { jobs: [job] } : { jobs: [job], elsewhere: { runner, group } });
    }
    return parts;
  }

  /** Runs a worker group's jobs on the worker; resolves, once it has committed, with what answers them. */
  async #commitElsewhere(elsewhere: Elsewhere, jobs: readonly Job[]): Promise<() => void> {
    try {
      const results = await elsewhere.runner.run(elsewhere.group, jobs.map((job) => ('input' in job ? job.input : undefined)));
      return () =>
        jobs.forEach((job, i) => {
          const result = results[i];
          if (result?.ok) this.#resolve(job, result.value);
          else this.#reject(job, result?.ok === false ? result.error : new Error('the group settled fewer jobs than it was given'));
        });
    } catch (error) {
      if (error instanceof JobsNotSent && jobs.length > 1) {
        const answers: (() => void)[] = [];
        for (const job of jobs) answers.push(await this.#commitElsewhere(elsewhere, [job]));
        return () => answers.forEach((answer) => answer());
      }
      return () => {
        for (const job of jobs) this.#reject(job, error);
      };
    }
  }

  async #commitHere(batch: Job[]): Promise<void> {
    const only = batch.length === 1 ? batch[0] : undefined;
    if (only !== undefined && 'work' in only) {
      // Alone in its transaction: a failure rolls back the transaction itself; no savepoint needed.
      try {
        const value = await inTransaction(this.#db, (tx) => only.work(tx));
        this.#writesEnded += 1;
        this.#resolve(only, value);
      } catch (error) {
        this.#writesEnded += 1;
        this.#reject(only, error);
      }
      return;
    }
    const results: Settled<unknown>[] = [];
    const holdsWork = batch.some((job) => 'work' in job);
    try {
      await inTransaction(this.#db, async (tx) => {
        for (let i = 0; i < batch.length; ) {
          const job = batch[i] as Job;
          if ('work' in job) {
            results.push(await inSavepoint(tx, () => job.work(tx)));
            i += 1;
            continue;
          }
          // The group's jobs queued next to this one, handed over together.
          const members: unknown[] = [];
          for (let next = batch[i]; next !== undefined && 'group' in next && next.group === job.group; next = batch[i + members.length]) members.push(next.input);
          const ran = await inSavepoint(tx, () => job.group.run(tx, members));
          members.forEach((_, k) => results.push(ran.ok ? (ran.value[k] ?? { ok: false, error: new Error('the group settled fewer jobs than it was given') }) : ran));
          i += members.length;
        }
      });
    } catch (error) {
      if (holdsWork) this.#writesEnded += 1;
      for (const job of batch) this.#reject(job, error);
      return;
    }
    if (holdsWork) this.#writesEnded += 1;
    batch.forEach((job, i) => {
      const result = results[i];
      if (result?.ok) this.#resolve(job, result.value);
      else this.#reject(job, result?.error);
    });
  }

  /** Answers a job that succeeded: it found room, so the disk is not (or no longer) full. */
  #resolve(job: Job, value: unknown): void {
    this.#diskFull.wrote();
    job.resolve(value);
  }

  /** Answers a job that failed, noting a full disk the first time a write fails for one. */
  #reject(job: Job, error: unknown): void {
    this.#diskFull.failed(error);
    job.reject(error);
  }
}
