import { api } from '../api/client';
import { ApiProblem, type FieldIssue } from '../api/problem';
import { batchApi, type BatchResult } from './api';
import { itemKey, type BatchOutcome, type ItemRef } from './batch-left';
import type { BatchBody } from './batch-plan';

/**
 * Sends a batch's requests one after another and gathers their answers. A request that fails itself (the network,
 * the session) stops the rest: they are `notSent`, and its items `unknown` when the server may have applied it (no
 * answer, or a gateway's in place of the server's). `stoppedFields`: the fields that failed request named.
 */
export async function sendBatch(
  campaignId: number,
  bodies: readonly BatchBody[],
  onProgress: (done: number) => void,
): Promise<{ outcome: BatchOutcome; stoppedFields: readonly FieldIssue[] }> {
  const changed: BatchResult['changed'][number][] = [];
  const refused: BatchResult['refused'][number][] = [];
  for (const [index, body] of bodies.entries()) {
    onProgress(changed.length + refused.length);
    try {
      const answer = await batchApi.send(campaignId, body);
      changed.push(...answer.changed);
      refused.push(...answer.refused);
    } catch (error) {
      const lost = !(error instanceof ApiProblem) || error.status === 0 || error.status >= 500;
      return {
        outcome: {
          changed,
          refused,
          stopped: error instanceof ApiProblem ? error.reason : { zh: String(error), en: String(error) },
          unknown: lost ? body.items : [],
          notSent: bodies.slice(index + 1).flatMap((rest) => rest.items),
        },
        stoppedFields: error instanceof ApiProblem ? error.fields : [],
      };
    }
  }
  return { outcome: { changed, refused, stopped: null, unknown: [], notSent: [] }, stoppedFields: [] };
}

/** How many items' versions are read at once before a retry. */
const readsAtOnce = 6;

/**
 * The versions the items have now, by item key: each read again, a few at a time. One that cannot be read (gone
 * from the viewer's units, the network) is left out: it is sent at the version it had, and the server says why.
 */
export async function versionsNow(items: readonly ItemRef[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (let from = 0; from < items.length; from += readsAtOnce) {
    const reads = await Promise.allSettled(items.slice(from, from + readsAtOnce).map((item) => api.item(item.kind, item.id)));
    for (const read of reads) if (read.status === 'fulfilled') versions.set(itemKey(read.value), read.value.version);
  }
  return versions;
}
