import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { clues } from '../../../db/schema';
import { letOthersIn } from '../let-others-in';

/** What a row says that a clue already in the campaign may say word for word. */
export interface RowText {
  readonly unitId: string;
  readonly fields: { readonly title: string; readonly description: string };
}

const keyOf = (unitId: string, title: string, description: string) => `${unitId}\u0000${title}\u0000${description}`;

/**
 * For each row, the clues of the campaign in the same unit with the same
 * title and content, by the row's index. A register with no source id column
 * whose rows name no phone number, account or address (网络水军恶意差评,
 * 论坛散布谣言) was imported again in full the second time, the check saying
 * nothing: only identifiers and source ids were compared with the campaign,
 * the text only within the file. Looked up by title on the (campaign, title)
 * index, 500 titles a statement.
 */
export async function wordForWordCopies(db: Db | Tx, campaignId: number, rows: readonly RowText[]): Promise<Map<number, number[]>> {
  const titles = [...new Set(rows.map((r) => r.fields.title))];
  const existing = new Map<string, number[]>();
  for (let i = 0; i < titles.length; i += 500) {
    if (i > 0) await letOthersIn();
    const found = await db
      .select({ id: clues.id, unitId: clues.unitId, title: clues.title, description: sql<string | null>`json_extract(${clues.context}, '$.description')` })
      .from(clues)
      .where(and(eq(clues.campaignId, campaignId), inArray(clues.title, titles.slice(i, i + 500))));
    for (const clue of found) {
      const key = keyOf(clue.unitId, clue.title, clue.description ?? '');
      existing.set(key, [...(existing.get(key) ?? []), clue.id]);
    }
  }
  const copies = new Map<number, number[]>();
  rows.forEach((row, index) => {
    const ids = existing.get(keyOf(row.unitId, row.fields.title, row.fields.description));
    if (ids !== undefined) copies.set(index, ids);
  });
  return copies;
}
