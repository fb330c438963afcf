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
 * What a page that keeps itself up to date (the wall, the battle map) shows
 * of a resource: its last answer, kept while a read again fails (the server
 * restarting, the network), and a failed read tried again by itself after a
 * few seconds when the failure may pass. Before the first answer, nothing.
 */
export function keptRead<T>(resource: Resource<T>, refetch: () => unknown): Accessor<T | undefined> {
  const kept = createMemo<T | undefined>((before) => {
    const read = unlessFailed(resource);
    // Not `??`: an answer may be null (an item gone), which is shown as such.
    return read === undefined ? before : read;
  });
  createEffect(() => {
    const error: unknown = resource.error;
    if (error === undefined || !passing(error)) return;
    const timer = setTimeout(() => void refetch(), retryAfterMs);
    onCleanup(() => clearTimeout(timer));
  });
  return kept;
}
