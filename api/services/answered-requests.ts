import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Actor } from '../../engine';
import type { AnsweredRequestWire } from '../contracts/extension-requests';
import { readScope } from './board';
import { tableOf, titlesOf } from './item-tables';
import { displayNamesOf } from './people/display-names';

/** How far back whoever asked is shown the answers to their requests, and how far back those requests are looked for (one may wait long). */
const answeredDays = 14;
const askedDays = 90;
const answeredMost = 50;

type Asked = { seq: number; subject: 'clue' | 'problem'; subjectId: number; at: string; payload: string; answerSeq: number | null };
type Answer = { seq: number; event: string; at: string; actorId: number | null; fromState: string | null; toState: string | null; payload: string };

/** What ended a request: the first of the item's later entries that extends, declines, asks again or moves it. */
function outcomeOf(kind: string, answer: Answer): AnsweredRequestWire['outcome'] | null {
  if (answer.event === `${kind}.extend`) return 'granted';
  if (answer.event === `${kind}.declineExtension`) return 'declined';
  // Asked again while it waited: the new request stands in for it.
  if (answer.event === `${kind}.requestExtension`) return null;
  return 'ended';
}

/** The items of these (as `kind:id`) that the actor may read now: those in their units, every one for the office and the readers of all. */
async function readableItems(db: Db, actor: Actor, items: readonly { subject: 'clue' | 'problem'; subjectId: number }[]): Promise<Set<string>> {
  const scope = readScope(actor);
  if (scope === null) return new Set(items.map((r) => `${r.subject}:${r.subjectId}`));
  const readable = new Set<string>();
  for (const kind of ['clue', 'problem'] as const) {
    const ids = [...new Set(items.filter((r) => r.subject === kind).map((r) => r.subjectId))];
    if (ids.length === 0) continue;
    const t = tableOf(kind);
    for (const row of await db.select({ id: t.id }).from(t).where(and(inArray(t.id, ids), inArray(t.unitId, [...scope])))) readable.add(`${kind}:${row.id}`);
  }
  return readable;
}

/**
 * The requests for more time the viewer asked in a campaign that were
 * answered in the last two weeks, the latest answer first: so an officer
 * learns that a lead granted one (to which day) or declined it (and why),
 * or that it ended with the item moving on. Read from the log: the
 * viewer's request entries of the span (the reports' index of events by
 * time), then each one's next deciding entry on its item.
 */
export async function readAnsweredRequests(db: Db, campaignId: number, actor: Actor, now: Date): Promise<AnsweredRequestWire[]> {
  const since = new Date(now.getTime() - answeredDays * 86_400_000).toISOString();
  const askedSince = new Date(now.getTime() - askedDays * 86_400_000).toISOString();
  const asked = await db.all<Asked>(sql`
    select r.seq as seq, r.subject as subject, r.subject_id as subjectId, r.at as at, r.payload as payload,
      (select a.seq from audit_log a indexed by audit_subject
        where a.subject = r.subject and a.subject_id = r.subject_id and a.seq > r.seq
          and (a.event in (r.subject || '.extend', r.subject || '.declineExtension', r.subject || '.requestExtension') or a.from_state <> a.to_state)
        order by a.seq limit 1) as answerSeq
    from audit_log r indexed by audit_report
    where r.campaign_id = ${campaignId} and r.event in ('clue.requestExtension', 'problem.requestExtension') and r.at >= ${askedSince} and r.actor_id = ${actor.userId}`);
  const answerSeqs = asked.flatMap((r) => (r.answerSeq === null ? [] : [r.answerSeq]));
  if (answerSeqs.length === 0) return [];
  const answers = new Map(
    (
      await db
        .select({ seq: auditLog.seq, event: auditLog.event, at: auditLog.at, actorId: auditLog.actorId, fromState: auditLog.fromState, toState: auditLog.toState, payload: auditLog.payload })
        .from(auditLog)
        .where(inArray(auditLog.seq, answerSeqs))
    ).map((a) => [a.seq, a]),
  );
  const answered: (Omit<AnsweredRequestWire, 'title' | 'answeredByName'> & { answeredBy: number | null; answerSeq: number })[] = [];
  for (const request of asked) {
    const answer = request.answerSeq === null ? undefined : answers.get(request.answerSeq);
    if (answer === undefined || answer.at < since) continue;
    const outcome = outcomeOf(request.subject, answer);
    if (outcome === null) continue;
    const said = JSON.parse(answer.payload) as { until?: string; reason?: string };
    answered.push({
      subject: request.subject,
      subjectId: request.subjectId,
      until: String((JSON.parse(request.payload) as { until?: string }).until ?? ''),
      askedAt: request.at,
      outcome,
      answeredAt: answer.at,
      answeredBy: answer.actorId,
      answerSeq: answer.seq,
      grantedUntil: outcome === 'granted' ? (said.until ?? null) : null,
      reason: outcome === 'ended' ? null : (said.reason ?? null),
    });
  }
  // The latest answer first: in the log's order, which is the order of time.
  answered.sort((a, b) => b.answerSeq - a.answerSeq);
  // Only of items the asker may still read: one transferred out of their units since was answered by that unit's
  // people, for its readers (the item's title, a decline's reason), as its drawer is theirs alone now.
  const readable = await readableItems(db, actor, answered);
  const shown = answered.filter((r) => readable.has(`${r.subject}:${r.subjectId}`)).slice(0, answeredMost);
  const titles = await titlesOf(db, shown);
  const names = await displayNamesOf(db, shown.map((r) => r.answeredBy));
  return shown.map(({ answeredBy, answerSeq: _seq, ...r }) => ({ ...r, title: titles.get(`${r.subject}:${r.subjectId}`) ?? `#${r.subjectId}`, answeredByName: answeredBy === null ? null : (names.get(answeredBy) ?? null) }));
}
