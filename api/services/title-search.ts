import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ItemKindName } from '../contracts/board';
import { tableOf } from './item-tables';

/**
 * The items of a campaign whose title contains `text` (case as typed; `%`,
 * `_` and `\` match themselves), or whose number it is, as a condition on
 * `id`, the item's id in the caller's query.
 *
 * The titles are searched in the (campaign, title) index, which holds only
 * the titles: a `LIKE '%…%'` can use no index range, and over the item rows
 * it read every row of the campaign, a few kilobytes each (the board's
 * search over 1,000,000 clues 2.4 s). The caller's query then reads only
 * the rows found, or checks its own index's ids against them.
 */
export function titleContains(kind: ItemKindName, campaignId: number, text: string, id: SQL): SQL {
  return orNumbered(text, id, sql`${id} in (${titlesLike(kind, campaignId, text)})`);
}

/**
 * {@link titleContains} for a request that runs many queries under it (the
 * board: its counts and each column): the titles are searched once, and
 * each query is given the ids found (as one JSON parameter) instead of
 * searching the titles again.
 */
export async function titleMatches(db: Db, kind: ItemKindName, campaignId: number, text: string): Promise<(id: SQL) => SQL> {
  const [row] = await db.all<{ ids: string }>(sql`select json_group_array(id) as ids from (${titlesLike(kind, campaignId, text)})`);
  const ids = row?.ids ?? '[]';
  return (id) => orNumbered(text, id, sql`${id} in (select value from json_each(${ids}))`);
}

/** A text that is a number also finds the item of that number. */
function orNumbered(text: string, id: SQL, byTitle: SQL): SQL {
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? sql`(${byTitle} or ${id} = ${Number(text)})` : byTitle;
}

/** The ids of the items whose title contains `text`, read from the (campaign, title) index. */
function titlesLike(kind: ItemKindName, campaignId: number, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return sql`select s.id as id from ${tableOf(kind)} s where s.campaign_id = ${campaignId} and s.title like ${pattern} escape '\\'`;
}
