import type { Tx } from './client';
import type { Settled } from './transaction';

/**
 * Jobs of one kind that are cheaper done together than one by one: moves
 * queued together are read with one SELECT and stored with one UPDATE and
 * one audit INSERT instead of each its own. The queue hands `run` the
 * inputs of a group's jobs queued next to each other, in order, inside the
 * transaction that commits them; `run` settles each input (one result per
 * input, in the same order) and keeps a failing one from undoing the others
 * (see inSavepoint in ./transaction). Each caller is still answered only
 * after the commit.
 */
export interface JobGroup<Input, Output> {
  readonly run: (tx: Tx, inputs: readonly Input[]) => Promise<readonly Settled<Output>[]>;
}

/**
 * A group of jobs that can also run on the write worker's thread (see
 * db/write-worker.ts): named, so the worker finds its own copy, and with
 * its failures carried across the thread as data, since an error's class
 * does not survive the copy.
 */
export interface WorkerGroup<Input, Output> extends JobGroup<Input, Output> {
  readonly name: string;
  readonly errorToData: (error: unknown) => unknown;
  readonly errorFromData: (data: unknown) => unknown;
}

export const isWorkerGroup = (group: JobGroup<unknown, unknown>): group is WorkerGroup<unknown, unknown> => 'name' in group;

/** Runs a worker group's jobs in one transaction committed elsewhere, answering after the commit; rejects if that transaction failed as a whole. */
export interface GroupRunner {
  /** False once the runner has failed: its groups then run in the queue's own transactions. */
  readonly working: boolean;
  run<Input, Output>(group: WorkerGroup<Input, Output>, inputs: readonly Input[]): Promise<Settled<Output>[]>;
}

/**
 * A runner's refusal to take jobs it could not even send (an input the copy
 * between threads cannot make, such as a value nested past the stack):
 * nothing of them was done. The queue then sends each job alone, so only the
 * one that cannot be sent fails, not the others that queued beside it.
 */
export class JobsNotSent extends Error {
  constructor(cause: unknown) {
    super(`the jobs could not be sent to the write worker: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'JobsNotSent';
  }
}
