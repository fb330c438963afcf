import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { awaitsOffice, type Actor } from '../../engine';
import type { AnsweredRequestWire, ExtensionRequestWire } from '../contracts/extension-requests';
import { readAnsweredRequests } from './answered-requests';
import { loadCampaignRules } from './campaign-rules';
import { readScope } from './board';
import { tableOf } from './item-tables';
import { displayNamesOf } from './people/display-names';

/** The request as the engine keeps it in the item's context (engine/item/extension.ts). */
const keptRequest = z.object({ until: z.string(), dueAt: z.string(), reason: z.string(), by: z.number().int(), at: z.string() });

/** Whether the viewer answers requests: a unit lead (in their units) or the office, as the engine's `actorIsLeadOrOffice`. */
function decides(actor: Actor): boolean {
  return actor.role === 'lead' || actor.role === 'office';
}

/**
 * The requests for more time (延期申请) waiting in a campaign that concern
 * the viewer, the oldest first: for a lead or the office those they may
 * answer (a lead none on an item waiting for the office alone), for an
 * officer those they asked, for others all they may read;
 * apart, a lead's own waiting on the office.
 * Requests are few (each ends when answered or when its item moves on),
 * and the items with one are listed by a partial index of their own, so
 * every one is read and counted; only the oldest `limit` are sent. With
 * them, the viewer's own requests answered lately (see readAnsweredRequests).
 */
export async function readExtensionRequests(
  db: Db,
  campaignId: number,
  actor: Actor,
  limit: number,
  now: Date,
): Promise<{ total: number; mayDecide: boolean; items: ExtensionRequestWire[]; askedByMe: ExtensionRequestWire[]; answered: AnsweredRequestWire[]; now: string }> {
  const campaign = await loadCampaignRules(db, campaignId);
  // A concluded campaign changes no more: a request still waiting then is one nobody can answer, so none is listed or counted.
  if (campaign.state === 'concluded') return { total: 0, mayDecide: false, items: [], askedByMe: [], answered: await readAnsweredRequests(db, campaignId, actor, now), now: now.toISOString() };
  const scope = readScope(actor);
  const waiting: ExtensionRequestWire[] = [];
  const mine: ExtensionRequestWire[] = [];
  for (const kind of ['clue', 'problem'] as const) {
    const t = tableOf(kind);
    // The few items with a request, from their partial index: left to itself, SQLite reads a lead's units'
    // every item (their board's index) to find them, 25 ms against 5 at 100,000 clues.
    const asked = sql`${t.id} in (select id from ${t} indexed by ${sql.raw(`${kind}s_asked`)} where ${t.campaignId} = ${campaignId} and ${t.extensionAskedUntil} is not null)`;
    const where: SQL[] = [asked];
    if (scope !== null) where.push(inArray(t.unitId, [...scope]));
    const rows = await db
      .select({ id: t.id, title: t.title, unitId: t.unitId, state: t.state, dueAt: t.dueAt, request: sql<string | null>`json_extract(${t.context}, '$.extensionRequest')` })
      .from(t)
      .where(and(...where));
    for (const row of rows) {
      const kept = keptRequest.safeParse(row.request === null ? null : JSON.parse(row.request));
      if (!kept.success) continue;
      const request = kept.data;
      if (actor.role === 'officer' && request.by !== actor.userId) continue;
      // A lead's own request (past their extensions in a state) waits on the office, not on them: listed apart, so
      // that they see it waiting as an officer sees theirs (it showed only once answered).
      const list = decides(actor) && request.by === actor.userId ? mine : waiting;
      // An item waiting for the office alone (a rectified problem) has its deadline the office's to change: a request
      // left waiting there from before that rule is the office's to answer, and its lead would only be refused.
      if (list === waiting && actor.role === 'lead' && awaitsOffice(kind, row.state)) continue;
      list.push({
        subject: kind,
        subjectId: row.id,
        title: row.title,
        unitId: row.unitId,
        state: row.state,
        dueAt: row.dueAt,
        until: request.until,
        requestedDueAt: request.dueAt,
        reason: request.reason,
        askedBy: request.by,
        askedByName: null,
        askedAt: request.at,
      });
    }
  }
  const oldestFirst = (a: ExtensionRequestWire, b: ExtensionRequestWire) => (a.askedAt < b.askedAt ? -1 : a.askedAt > b.askedAt ? 1 : a.subjectId - b.subjectId);
  waiting.sort(oldestFirst);
  const page = waiting.slice(0, limit);
  const askedByMe = mine.sort(oldestFirst).slice(0, limit);
  const names = await displayNamesOf(db, [...page, ...askedByMe].map((r) => r.askedBy));
  const named = (r: ExtensionRequestWire) => ({ ...r, askedByName: names.get(r.askedBy) ?? null });
  return { total: waiting.length, mayDecide: decides(actor), items: page.map(named), askedByMe: askedByMe.map(named), answered: await readAnsweredRequests(db, campaignId, actor, now), now: now.toISOString() };
}
