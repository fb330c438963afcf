import { and, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { auditLog, peopleSubjects, users } from '../../../db/schema';
import type { PeopleLogEntry, PeopleLogPage } from '../../contracts/users';

export interface PeopleLogFilter {
  readonly user?: number | undefined;
  readonly unit?: string | undefined;
  readonly before?: number | undefined;
  readonly limit: number;
}

const objectPayload = z.record(z.string(), z.unknown());

/** The administration entries of the audit log, newest first, a page at a time. */
export async function readPeopleLog(db: Db, filter: PeopleLogFilter): Promise<PeopleLogPage> {
  // campaign_id IS NULL walks the (campaign_id, seq) index from the newest entry, not the whole log.
  const where: SQL[] = [isNull(auditLog.campaignId), inArray(auditLog.subject, [...peopleSubjects])];
  if (filter.user !== undefined) where.push(eq(auditLog.subject, 'user'), eq(auditLog.subjectId, filter.user));
  if (filter.unit !== undefined) {
    // A unit's changes and those of its people (an account's entry names the account, not its unit: read by where
    // the account is now). Chosen with one of its people, that person's; chosen alone, the unit's people were left out.
    const people = db.select({ id: users.id }).from(users).where(eq(users.unitId, filter.unit));
    const ofUnit = or(and(eq(auditLog.subject, 'unit'), eq(auditLog.unitId, filter.unit)), and(eq(auditLog.subject, 'user'), inArray(auditLog.subjectId, people)));
    if (ofUnit !== undefined) where.push(ofUnit);
  }
  if (filter.before !== undefined) where.push(lt(auditLog.seq, filter.before));
  const rows = await db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      subject: auditLog.subject,
      subjectId: auditLog.subjectId,
      unitId: auditLog.unitId,
      event: auditLog.event,
      payload: auditLog.payload,
      actorId: users.id,
      actorName: users.displayName,
      actorUsername: users.username,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const entries = page.flatMap((row): PeopleLogEntry[] => {
    if (row.subject !== 'user' && row.subject !== 'unit' && row.subject !== 'password_policy') return [];
    const payload = objectPayload.safeParse(JSON.parse(row.payload));
    return [
      {
        seq: row.seq,
        at: row.at,
        actor: row.actorId === null || row.actorName === null || row.actorUsername === null ? null : { id: row.actorId, displayName: row.actorName, username: row.actorUsername },
        subject: row.subject,
        userId: row.subject === 'user' ? row.subjectId : null,
        unitId: row.subject === 'unit' ? row.unitId : null,
        event: row.event,
        payload: payload.success ? payload.data : {},
      },
    ];
  });
  return { entries, nextBefore: rows.length > filter.limit ? (page.at(-1)?.seq ?? null) : null };
}
