import type { BatchResult } from '../../../api/contracts/batch';
import type { Card } from '../../../api/contracts/board';
import { call as expect, client } from '../api/typed-call';
import type { BatchBody } from './batch-plan';

/**
 * What a batch needs of an item: a list's row and a board's card both carry
 * it (its version guards the change; its moves and changes say what the
 * viewer may do with it).
 */
export type BatchItem = Pick<Card, 'kind' | 'id' | 'version' | 'title' | 'unitId' | 'allowed' | 'changes'>;

/** One request of a batch (批量处理): see batch-plan.ts. */
export const batchApi = {
  send: (id: number, body: BatchBody) => expect(client.campaigns[':id'].batch.$post({ param: { id: String(id) }, json: body })),
};
export type { BatchResult };
