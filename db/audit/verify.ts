import { createHash } from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import { replayCampaign, replayClue, replayProblem } from '../../engine';
import type { Db } from '../client';
import { attachments, auditLog, campaigns, clues, problems } from '../schema';
import { auditHash, genesisHash } from './hash';

export type VerifyResult =
  | { readonly ok: true; readonly entries: number; readonly items: number; readonly files: number }
  | { readonly ok: false; readonly seq: number | null; readonly subject?: string; readonly subjectId?: number; readonly reason: string };

/**
 * Checks the audit log: every entry's hash chains to the one before it, the
 * sequence has no gaps, and replaying each item's entries through the
 * engine gives exactly its stored state, context and version; and every
 * attached file's bytes still have the SHA-256 its attach entry recorded.
 */
export async function verifyAudit(db: Db): Promise<VerifyResult> {
  const events = new Map<string, unknown[]>();
  const attached = new Map<number, { readonly key: string; readonly sha256: unknown; readonly size: unknown }>();
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let after = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(5000);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, seq: row.seq, reason: `sequence gap: expected ${expectedSeq}` };
      if (row.prevHash !== prevHash) return { ok: false, seq: row.seq, reason: 'previous hash does not match the entry before' };
      if (auditHash(prevHash, row) !== row.hash) return { ok: false, seq: row.seq, reason: 'hash does not match the entry' };
      prevHash = row.hash;
      expectedSeq += 1;
      const key = `${row.subject}:${row.subjectId}`;
      // Campaign configuration entries change no statechart; only the advances replay.
      if (row.subject === 'campaign' && row.event !== 'phase.advance') continue;
      let list = events.get(key);
      if (list === undefined) events.set(key, (list = []));
      // Chained like every other entry, the payload was still written by something: one that is not JSON is reported, not thrown.
      let payload: unknown;
      try {
        payload = JSON.parse(row.payload);
      } catch {
        return { ok: false, seq: row.seq, subject: row.subject, subjectId: row.subjectId, reason: 'the payload is not JSON' };
      }
      list.push(payload);
      if (row.event.endsWith('.attach')) {
        const file = payload as { attachmentId?: unknown; sha256?: unknown; size?: unknown };
        if (typeof file.attachmentId === 'number') attached.set(file.attachmentId, { key, sha256: file.sha256, size: file.size });
      }
    }
    after = rows[rows.length - 1]?.seq ?? after;
  }

  let items = 0;
  for (const table of [clues, problems] as const) {
    const subject = table === clues ? 'clue' : 'problem';
    const stored = await db.select({ id: table.id, state: table.state, context: table.context, version: table.version }).from(table);
    for (const row of stored) {
      items += 1;
      const log = events.get(`${subject}:${row.id}`) ?? [];
      const replayed = subject === 'clue' ? replayClue(log) : replayProblem(log);
      if (!replayed.ok) return { ok: false, seq: null, subject, subjectId: row.id, reason: `replay failed at its event ${replayed.index}: ${replayed.reason}` };
      if (replayed.state !== row.state || replayed.version !== row.version || JSON.stringify(replayed.context) !== JSON.stringify(row.context)) {
        return { ok: false, seq: null, subject, subjectId: row.id, reason: 'stored state differs from the replay of its audit entries' };
      }
      events.delete(`${subject}:${row.id}`);
    }
  }
  for (const row of await db.select({ id: campaigns.id, state: campaigns.state, context: campaigns.context, version: campaigns.version }).from(campaigns)) {
    const replayed = replayCampaign(events.get(`campaign:${row.id}`) ?? []);
    if (replayed === null || replayed.state !== row.state || replayed.version !== row.version || JSON.stringify(replayed.context) !== JSON.stringify(row.context)) {
      return { ok: false, seq: null, subject: 'campaign', subjectId: row.id, reason: 'stored campaign differs from the replay of its advances' };
    }
    events.delete(`campaign:${row.id}`);
  }
  const orphan = [...events.keys()].find((k) => k.startsWith('clue:') || k.startsWith('problem:'));
  if (orphan !== undefined) return { ok: false, seq: null, reason: `audit entries for ${orphan}, which is not stored` };
  const files = await verifyFiles(db, attached);
  if (typeof files !== 'number') return files;
  return { ok: true, entries: expectedSeq - 1, items, files };
}

/** Each stored file against its attach entry (the item, the size, the hash) and its bytes against the hash, a few files at a time, as they may be large: how many, or the first that fails. */
async function verifyFiles(db: Db, attached: ReadonlyMap<number, { readonly key: string; readonly sha256: unknown; readonly size: unknown }>): Promise<VerifyResult | number> {
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select({ id: attachments.id, subject: attachments.subject, subjectId: attachments.subjectId, size: attachments.size, sha256: attachments.sha256, content: attachments.content })
      .from(attachments)
      .where(gt(attachments.id, after))
      .orderBy(asc(attachments.id))
      .limit(20);
    if (rows.length === 0) return checked;
    for (const row of rows) {
      const entry = attached.get(row.id);
      const failed = (reason: string): VerifyResult => ({ ok: false, seq: null, subject: row.subject, subjectId: row.subjectId, reason: `attached file ${row.id}: ${reason}` });
      if (entry === undefined || entry.key !== `${row.subject}:${row.subjectId}`) return failed('no attach entry of this item names it');
      if (entry.sha256 !== row.sha256 || entry.size !== row.size) return failed('its size or SHA-256 differs from what its attach entry recorded');
      if (row.content.byteLength !== row.size || createHash('sha256').update(row.content).digest('hex') !== row.sha256) return failed('its bytes no longer have the SHA-256 recorded when it was attached');
      checked += 1;
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
}
