import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { bareAccountsOf, canonicalCaseNumber, extractIdentifiers } from '../../engine';
import type { ItemKindName } from '../contracts/board';
import { tableOf } from './item-tables';
import { titleGlob } from './title-glob';

/**
 * The items of a campaign a search box's text finds, as a condition on
 * `id`, the item's id in the caller's query: those whose title contains
 * the text (its Latin letters in either case, its letters and digits in
 * either width: {@link titleGlob}), the item of
 * that number, and for clues those that carry a phone number, bank account,
 * account, web address, ID card number or name the text holds (as intake
 * reads them, so "138-0013-8000" finds a clue that says 13800138000) and
 * the clues filed under a case number it is or begins (in any case, half- or full-width), and an imported clue
 * by its source's own id (来源编号, whole); an account typed
 * alone finds the clues holding it under any platform it may be of. An officer with a number in hand
 * asks which clues already know it; the duplicate check at intake answers
 * that for a new clue only.
 *
 * Each part is read from an index that holds it: the titles from the
 * (campaign, title) index, which holds only the titles (a `LIKE '%…%'` or `GLOB '*…*'` can
 * use no index range, and over the item rows it read every row of the
 * campaign, a few kilobytes each: the board's search over 1,000,000 clues
 * took 2.4 s), the identifiers from their lookup index, a case number
 * from the index of the clues that have one. The caller's query then reads
 * only the rows found, or checks its own index's ids against them.
 */
export function searchFinds(kind: ItemKindName, campaignId: number, text: string, id: SQL): SQL {
  return orNumbered(text, id, sql`${id} in (${foundBy(kind, campaignId, text)})`);
}

/**
 * {@link searchFinds} for a request that runs many queries under it (the
 * board: its counts and each column): the search is run once, and each
 * query is given the ids found (as one JSON parameter) instead of searching
 * again.
 */
export async function searchMatches(db: Db, kind: ItemKindName, campaignId: number, text: string): Promise<(id: SQL) => SQL> {
  const [row] = await db.all<{ ids: string }>(sql`select json_group_array(id) as ids from (${foundBy(kind, campaignId, text)})`);
  const ids = row?.ids ?? '[]';
  return (id) => orNumbered(text, id, sql`${id} in (select value from json_each(${ids}))`);
}

/** A text that is a number also finds the item of that number, written as a card shows it (#60, or ＃60 as a Chinese keyboard types it) or bare. */
function orNumbered(text: string, id: SQL, found: SQL): SQL {
  const digits = /^[#＃]?(\d+)$/.exec(text)?.[1];
  return digits !== undefined && Number.isSafeInteger(Number(digits)) ? sql`(${found} or ${id} = ${Number(digits)})` : found;
}

/** `LIKE` pattern for "contains the text", the text's own `%`, `_` and `\` escaped. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** The fewest characters a case number is searched by its beginning with; fewer must be the whole number. */
const minCasePrefix = 4;

/** The last code point: in SQLite's byte order every text that begins with some text sorts below that text followed by it. */
const pastEveryCharacter = String.fromCodePoint(0x10ffff);

/** The ids of the items the text finds (see {@link searchFinds}), each part from its own index, without repeats. */
function foundBy(kind: ItemKindName, campaignId: number, text: string): SQL {
  const glob = titleGlob(text);
  const inTitle = glob === null ? sql`s.title like ${containing(text)} escape '\\'` : sql`s.title glob ${glob}`;
  const parts = [sql`select s.id as id from ${tableOf(kind)} s where s.campaign_id = ${campaignId} and ${inTitle}`];
  if (kind === 'clue') {
    // And an account typed alone, without its platform's word (a QQ number, a WeChat ID), under each platform it may be.
    const identifiers = [...extractIdentifiers(text), ...bareAccountsOf(text)];
    if (identifiers.length > 0) {
      const oneOf = sql.join(
        identifiers.map((found) => sql`(i.kind = ${found.kind} and i.value = ${found.value})`),
        sql` or `,
      );
      parts.push(sql`select i.clue_id as id from clue_identifiers i where i.campaign_id = ${campaignId} and (${oneOf})`);
    }
    // A case number whole, or its beginning (a station's or a year's prefix, as case numbers are built), from its
    // index's range: "contains" would read the row of every clue with a case number (63,506 of 100,000 in the bench's
    // campaign: 150–500 ms), since SQLite does not read the indexed expression back from the index. Shorter than
    // four characters, only whole: a prefix of one or two would list most filed clues. With or without a digit: a case
    // document's number is headed by its office's characters (汉公(刑)立字[2026]0815号), and one range of the index is cheap.
    // Typed as the engine stores a case number (half-width, trimmed, upper case): "a6107…" or "ａ６１０７…" finds "A6107…".
    const caseNumber = sql`json_extract(c.context, '$.caseNumber')`;
    const wanted = canonicalCaseNumber(text);
    const matching = [...wanted].length >= minCasePrefix ? sql`${caseNumber} >= ${wanted} and ${caseNumber} < ${wanted + pastEveryCharacter}` : sql`${caseNumber} = ${wanted}`;
    parts.push(sql`select c.id as id from clues c where c.campaign_id = ${campaignId} and ${caseNumber} is not null and ${matching}`);
    // The source's own id of an imported clue (a unit's register number, 来源编号), whole, from the index that keeps an
    // import from taking a row twice: a unit asked where its register's number went, and only the history said.
    parts.push(sql`select r.clue_id as id from imported_clues r where r.campaign_id = ${campaignId} and r.source_ref = ${text.trim()}`);
  }
  return sql.join(parts, sql` union `);
}
