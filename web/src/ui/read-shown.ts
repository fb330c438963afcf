import { createEffect, createMemo, onCleanup, type Accessor, type Resource } from 'solid-js';
import { passing, retryAfterMs } from './page-missing';

/**
 * What a resource read, or nothing once its read failed. Solid's `latest`
 * (and the resource's own call) throws then, to the page's notice
 * (PageTrouble), and takes with it what the page could show beside the
 * failure: its filters, the way out of a filter the server refuses. A page
 * that says the failure itself, in its place, reads through this.
 */
export function unlessFailed<T>(resource: Resource<T>): T | undefined {
  return resource.error === undefined ? resource.latest : undefined;
}

/**
 * What a part of a page that is read again (the wall's figures, the inbox's
 * count, an item's drawer, a list of assignees) shows of a resource: its
 * last answer, kept while a read again fails (the server restarting, the
 * network), and a failed read tried again by itself after a few seconds
 * when the failure may pass. Before the first answer, nothing.
 *
 * `of` names what the reads are of (a unit whose people are listed, an
 * inbox's tab) where that changes under one resource: an answer about the
 * one before is not kept for it, neither while its read is out nor when it
 * fails.
 */
export function keptRead<T>(resource: Resource<T>, refetch: () => unknown, of: () => unknown = () => undefined): Accessor<T | undefined> {
  const kept = createMemo<{ of: unknown; answer: T | undefined }>(
    (before) => {
      const subject = of();
      // Ready: an answer to what is asked now. While a read is out, or once it failed, the answer before stands
      // in, if it was about the same thing.
      if (resource.state === 'ready') return { of: subject, answer: resource.latest };
      return before.of === subject ? before : { of: subject, answer: undefined };
    },
    { of: undefined, answer: undefined },
  );
  createEffect(() => {
    const error: unknown = resource.error;
    if (error === undefined || !passing(error)) return;
    const timer = setTimeout(() => void refetch(), retryAfterMs);
    onCleanup(() => clearTimeout(timer));
  });
  return () => kept().answer;
}
