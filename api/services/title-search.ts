import { sql, type SQL } from 'drizzle-orm';
import type { ItemKindName } from '../contracts/board';

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
  const table = sql.raw(kind === 'clue' ? 'clues' : 'problems');
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const byTitle = sql`${id} in (select s.id from ${table} s where s.campaign_id = ${campaignId} and s.title like ${pattern} escape '\\')`;
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? sql`(${byTitle} or ${id} = ${Number(text)})` : byTitle;
}
