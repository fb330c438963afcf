import { createHash } from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import { replayCampaign, replayClue, replayProblem, type ClueContext, type ProblemContext } from '../../engine';
import type { Label } from '../../engine/labels';
import type { Db } from '../client';
import { attachments, auditLog, campaigns, clues, problems } from '../schema';
import { columnsOf } from '../items/store';
import { auditHash, genesisHash } from './hash';
import { replayFailureLabel } from './replay-failure';

/** Where an attach or remove entry stands in the log, and the item it names. */
interface FileEntry {
  readonly seq: number;
  readonly subject: string;
  readonly subjectId: number;
}
type AttachEntry = FileEntry & { readonly sha256: unknown; readonly size: unknown };

type ItemRow = typeof clues.$inferSelect | typeof problems.$inferSelect;
/** The columns of an item's row that copy a field of its context. */
type CopiedColumn = Exclude<keyof ItemRow, 'id' | 'state' | 'version' | 'context' | 'updatedAt'>;

/**
 * Each copied column's name in a report. The board, the filters and the
 * access checks read these columns, not the context: a unit changed in the
 * row alone moves the card to another unit's board while the log still says
 * it is not there. Every column of the row is listed (the type requires it),
 * so one added to the items is not left unchecked; what it holds for a
 * context is what the store writes (db/items/store.ts).
 */
const columnNames: Readonly<Record<CopiedColumn, Label>> = {
  unitId: { zh: '承办单位', en: 'unit' },
  title: { zh: '标题', en: 'title' },
  dueAt: { zh: '办理时限', en: 'due time' },
  assigneeId: { zh: '承办人', en: 'assignee' },
  categoryId: { zh: '类别', en: 'category' },
  campaignId: { zh: '专项行动', en: 'campaign' },
  foundAt: { zh: '发现时间', en: 'found time' },
  enteredAt: { zh: '进入当前状态的时间', en: 'time it entered its state' },
  lastNoteAt: { zh: '最近进展记录时间', en: 'last note time' },
  attachmentCount: { zh: '附件数', en: 'file count' },
  extensionAskedUntil: { zh: '申请延期至的日期', en: 'day asked for more time' },
};
const copied = Object.entries(columnNames) as [CopiedColumn, Label][];

/** The first copied column of the row that differs from what the context gives, by its name, or null. */
function differingColumn(row: ItemRow, context: ClueContext | ProblemContext): Label | null {
  const stored = columnsOf(context);
  for (const [column, name] of copied) if (row[column] !== (stored[column] ?? null)) return name;
  return null;
}

/** An entry the log must still hold, as an earlier verification printed it (`<seq>:<hash>`) and the operator recorded elsewhere. */
export interface ExpectedEntry {
  readonly seq: number;
  readonly hash: string;
}

/** `<seq>:<hash>` read as an {@link ExpectedEntry}, or null when it is not one (a seq from 1, a SHA-256 in hex). */
export function expectedEntryOf(text: string): ExpectedEntry | null {
  const match = /^([1-9]\d*):([0-9a-f]{64})$/i.exec(text.trim());
  if (match === null) return null;
  const seq = Number(match[1]);
  return Number.isSafeInteger(seq) ? { seq, hash: (match[2] ?? '').toLowerCase() } : null;
}

/** A stored item, or a file of one, that differs from what its intact log says of it; `seq`, the entry it differs from where one does. */
export interface Mismatch {
  readonly subject: string;
  readonly subjectId: number;
  readonly reason: Label;
  readonly seq?: number;
}

/** How many differing items a verification names; past these it counts them. */
export const mismatchesNamed = 20;

/**
 * What a verification found: the log intact and every item its replay; the log itself broken at an entry (the chain,
 * the sequence, an entry recorded elsewhere); or the log intact, and items or files stored that differ from it
 * (changed outside Battlemap), each named up to {@link mismatchesNamed}, and how many `more`.
 */
export type VerifyResult =
  | { readonly ok: true; readonly entries: number; readonly items: number; readonly files: number; readonly newest: ExpectedEntry | null }
  | { readonly ok: false; readonly logIntact: false; readonly seq: number; readonly subject?: string; readonly subjectId?: number; readonly reason: Label }
  | { readonly ok: false; readonly logIntact: true; readonly entries: number; readonly newest: ExpectedEntry | null; readonly mismatches: readonly Mismatch[]; readonly more: number };

/** The log's subjects an operator may read of, in Chinese (the English keeps the log's own word); any other as the log names it. */
const subjectNamesZh: Readonly<Record<string, string>> = { clue: '线索', problem: '问题', campaign: '专项行动' };

/** What the log calls `subject` and its id, in both languages: `线索 12` / `clue 12`. */
export function subjectOf(subject: string, subjectId: number | undefined): Label {
  return { zh: `${subjectNamesZh[subject] ?? subject} ${subjectId}`, en: `${subject} ${subjectId}` };
}

/** A mismatch in one line, as the operator reads it: the item, the entry it differs from where one does, and how. */
export function mismatchLine(mismatch: Mismatch): Label {
  const item = subjectOf(mismatch.subject, mismatch.subjectId);
  return {
    zh: `${item.zh} 与其审计日志不符${mismatch.seq === undefined ? '' : `（日志第 ${mismatch.seq} 条）`}：${mismatch.reason.zh}`,
    en: `${item.en} does not match its log${mismatch.seq === undefined ? '' : ` (entry seq ${mismatch.seq})`}: ${mismatch.reason.en}`,
  };
}

/** How many stored items or files differ from an intact log, in words: `1 stored item or file does not`, `3 … do not`. */
export function mismatchCount(result: { readonly mismatches: readonly Mismatch[]; readonly more: number }): Label {
  const count = result.mismatches.length + result.more;
  return { zh: `${count} 项存储的事项或附件与之不符`, en: count === 1 ? '1 stored item or file does not' : `${count} stored items or files do not` };
}

/** The mismatches found, the first {@link mismatchesNamed} kept, the rest counted. */
function mismatchList() {
  const named: Mismatch[] = [];
  let count = 0;
  return {
    named,
    add(mismatch: Mismatch) {
      count += 1;
      if (named.length < mismatchesNamed) named.push(mismatch);
    },
    get more() {
      return count - named.length;
    },
  };
}

/**
 * Checks the audit log: every entry's hash chains to the one before it, the
 * sequence has no gaps, and replaying each item's entries through the
 * engine gives exactly its stored state, context and version, and the
 * columns copied from the context agree with it; every file an attach entry
 * names is still stored (a removed one keeps its row, marked removed, as its
 * remove entry says), and its bytes still have the SHA-256 recorded.
 *
 * A chain checks only itself: one cut short (an old copy put in its place)
 * or rebuilt from some entry on chains as well as the original. Given
 * `expected`, an entry recorded away from the database, the log must still
 * hold that entry with that hash, and so, through the chain, every entry
 * before it as it was.
 */
export async function verifyAudit(db: Db, expected?: ExpectedEntry): Promise<VerifyResult> {
  const events = new Map<string, unknown[]>();
  const attached = new Map<number, AttachEntry>();
  const removed = new Map<number, FileEntry>();
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let after = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(5000);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, logIntact: false, seq: row.seq, reason: { zh: `序号不连续：此处应为 ${expectedSeq}`, en: `sequence gap: expected ${expectedSeq}` } };
      if (row.prevHash !== prevHash) return { ok: false, logIntact: false, seq: row.seq, reason: { zh: '所记的前一哈希与上一条不符', en: 'previous hash does not match the entry before' } };
      if (auditHash(prevHash, row) !== row.hash) return { ok: false, logIntact: false, seq: row.seq, reason: { zh: '哈希与本条内容不符', en: 'hash does not match the entry' } };
      if (row.seq === expected?.seq && row.hash !== expected.hash) return { ok: false, logIntact: false, seq: row.seq, reason: { zh: '哈希与记录的不同：日志在此条或之前被改写过', en: 'its hash is not the one expected: the log was rewritten at or before this entry' } };
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
        return { ok: false, logIntact: false, seq: row.seq, subject: row.subject, subjectId: row.subjectId, reason: { zh: '内容不是 JSON', en: 'the payload is not JSON' } };
      }
      list.push(payload);
      if (row.event.endsWith('.attach')) {
        const file = payload as { attachmentId?: unknown; sha256?: unknown; size?: unknown };
        if (typeof file.attachmentId === 'number') attached.set(file.attachmentId, { seq: row.seq, subject: row.subject, subjectId: row.subjectId, sha256: file.sha256, size: file.size });
      } else if (row.event.endsWith('.detach')) {
        const file = payload as { attachmentId?: unknown };
        if (typeof file.attachmentId === 'number') removed.set(file.attachmentId, { seq: row.seq, subject: row.subject, subjectId: row.subjectId });
      }
    }
    after = rows[rows.length - 1]?.seq ?? after;
  }

  const entries = expectedSeq - 1;
  if (expected !== undefined && expected.seq > entries) {
    return {
      ok: false,
      logIntact: false,
      seq: expected.seq,
      reason: {
        zh: `日志止于第 ${entries} 条，早于记录的那一条：日志被截短了（或被换成了较早的副本）`,
        en: `the log ends at seq ${entries}, before the entry expected: it was cut (or an older copy was put in its place)`,
      },
    };
  }

  const newest = entries === 0 ? null : { seq: entries, hash: prevHash };
  const mismatches = mismatchList();
  let items = 0;
  for (const table of [clues, problems] as const) {
    const subject = table === clues ? 'clue' : 'problem';
    // A page at a time, by id, as the log is read: a table of a million items read in one array held every row at once.
    let afterId = 0;
    for (;;) {
      const stored: ItemRow[] = await db.select().from(table).where(gt(table.id, afterId)).orderBy(asc(table.id)).limit(5000);
      if (stored.length === 0) break;
      for (const row of stored) {
        items += 1;
        const log = events.get(`${subject}:${row.id}`) ?? [];
        const replayed = subject === 'clue' ? replayClue(log) : replayProblem(log);
        events.delete(`${subject}:${row.id}`);
        if (!replayed.ok) {
          mismatches.add({ subject, subjectId: row.id, reason: replayFailureLabel(subject, replayed) });
          continue;
        }
        if (replayed.state !== row.state || replayed.version !== row.version || JSON.stringify(replayed.context) !== JSON.stringify(row.context)) {
          mismatches.add({ subject, subjectId: row.id, reason: { zh: '存储的状态与其审计记录的回放不符', en: 'stored state differs from the replay of its audit entries' } });
          continue;
        }
        const differing = differingColumn(row, replayed.context);
        if (differing !== null) mismatches.add({ subject, subjectId: row.id, reason: { zh: `存储的${differing.zh}与其审计记录的回放不符`, en: `stored ${differing.en} differs from the replay of its audit entries` } });
      }
      afterId = stored[stored.length - 1]?.id ?? afterId;
    }
  }
  for (const row of await db.select({ id: campaigns.id, state: campaigns.state, context: campaigns.context, version: campaigns.version }).from(campaigns)) {
    const replayed = replayCampaign(events.get(`campaign:${row.id}`) ?? []);
    if (replayed === null || replayed.state !== row.state || replayed.version !== row.version || JSON.stringify(replayed.context) !== JSON.stringify(row.context)) {
      mismatches.add({ subject: 'campaign', subjectId: row.id, reason: { zh: '存储的专项行动与其阶段推进记录的回放不符', en: 'stored campaign differs from the replay of its advances' } });
    }
    events.delete(`campaign:${row.id}`);
  }
  for (const key of events.keys()) {
    const [subject = '', id] = key.split(':');
    if (subject === 'clue' || subject === 'problem') mismatches.add({ subject, subjectId: Number(id), reason: { zh: '审计日志中有它的记录，但它未被存储', en: 'its audit entries name it, but it is not stored' } });
  }
  const files = await verifyFiles(db, attached, removed, mismatches.add);
  if (mismatches.named.length > 0) return { ok: false, logIntact: true, entries, newest, mismatches: mismatches.named, more: mismatches.more };
  return { ok: true, entries, items, files, newest };
}

/**
 * Each stored file against its attach entry (the item, the size, the hash)
 * and its remove entry if it was removed, and its bytes against the hash, a
 * few files at a time, as they may be large; then that every file an attach
 * entry names was found. Answers how many were checked; each that differs is
 * handed to `differs`.
 */
async function verifyFiles(db: Db, attached: ReadonlyMap<number, AttachEntry>, removed: ReadonlyMap<number, FileEntry>, differs: (mismatch: Mismatch) => void): Promise<number> {
  const found = new Set<number>();
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select({
        id: attachments.id,
        subject: attachments.subject,
        subjectId: attachments.subjectId,
        size: attachments.size,
        sha256: attachments.sha256,
        removedAt: attachments.removedAt,
        content: attachments.content,
      })
      .from(attachments)
      .where(gt(attachments.id, after))
      .orderBy(asc(attachments.id))
      .limit(20);
    if (rows.length === 0) break;
    for (const row of rows) {
      const entry = attached.get(row.id);
      const removal = removed.get(row.id);
      found.add(row.id);
      checked += 1;
      const failure = fileFailure(row, entry, removal);
      if (failure !== null) {
        differs({ subject: row.subject, subjectId: row.subjectId, reason: { zh: `附件 ${row.id}：${failure.reason.zh}`, en: `attached file ${row.id}: ${failure.reason.en}` }, ...(failure.seq !== undefined && { seq: failure.seq }) });
      }
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
  for (const [id, entry] of attached) {
    if (!found.has(id)) differs({ seq: entry.seq, subject: entry.subject, subjectId: entry.subjectId, reason: { zh: `附件 ${id}：有添加它的日志记录，但它未被存储`, en: `attached file ${id}: its attach entry names it, but it is not stored` } });
  }
  return checked;
}

interface StoredFile {
  readonly subject: string;
  readonly subjectId: number;
  readonly size: number;
  readonly sha256: string;
  readonly removedAt: string | null;
  readonly content: Uint8Array;
}

/** How a stored file differs from its attach and remove entries, and the entry it differs from where one says so; or null. */
function fileFailure(row: StoredFile, entry: AttachEntry | undefined, removal: FileEntry | undefined): { reason: Label; seq?: number } | null {
  const namesItsItem = (named: FileEntry | undefined): named is FileEntry => named !== undefined && named.subject === row.subject && named.subjectId === row.subjectId;
  if (!namesItsItem(entry)) return { reason: { zh: '本事项没有添加此附件的日志记录', en: 'no attach entry of this item names it' } };
  if (entry.sha256 !== row.sha256 || entry.size !== row.size) return { reason: { zh: '大小或 SHA-256 与添加时记录的不符', en: 'its size or SHA-256 differs from what its attach entry recorded' } };
  if (row.content.byteLength !== row.size || createHash('sha256').update(row.content).digest('hex') !== row.sha256) return { reason: { zh: '内容的 SHA-256 已不是添加时记录的', en: 'its bytes no longer have the SHA-256 recorded when it was attached' } };
  // The removal and the mark commit together (api/services/attachments.ts): a mark alone hides a file from its item, an entry alone lists one the item no longer has.
  if (row.removedAt !== null && !namesItsItem(removal)) return { reason: { zh: '标记为已移除，但本事项没有移除此附件的日志记录', en: 'marked removed, but no remove entry of this item names it' } };
  if (row.removedAt === null && namesItsItem(removal)) return { reason: { zh: '有移除此附件的日志记录，但它未标记为已移除', en: 'its remove entry names it, but it is not marked removed' }, seq: removal.seq };
  return null;
}
