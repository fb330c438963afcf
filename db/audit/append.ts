import { desc, getTableColumns, sql, type Placeholder } from 'drizzle-orm';
import type { Tx } from '../client';
import { preparedOn } from '../prepared';
import { insertRows } from '../bulk-insert';
import { auditLog } from '../schema';
import { auditHash, genesisHash, type HashedEntry } from './hash';

export interface AuditInput {
  readonly at: string;
  readonly actorId: number | null;
  /** Null for installation-wide entries (people, units, the password policy). */
  readonly campaignId: number | null;
  readonly subject: (typeof auditLog.$inferInsert)['subject'];
  readonly subjectId: number;
  readonly event: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  /** Serialised with JSON.stringify, unless it is already {@link JsonText}. */
  readonly payload: unknown;
  readonly version: number;
  /** For clue and problem entries: the item's unit and category as they are after this entry. */
  readonly unitId?: string | null;
  readonly categoryId?: number | null;
}

/**
 * A payload already serialised, as SQL's JSON functions return it: stored
 * and hashed as given. A sweep's raise entry lists thousands of
 * escalations; built in SQL, they need not pass through JavaScript objects
 * and back into text.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

export interface Appended {
  readonly seq: number;
  readonly hash: string;
}

type AuditRow = typeof auditLog.$inferInsert & { seq: number; hash: string };

/** Chains entries after the given last entry (or the genesis hash). */
export function chainEntries(last: Appended | undefined, inputs: readonly AuditInput[]): AuditRow[] {
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? genesisHash;
  return inputs.map((input) => {
    seq += 1;
    // Written out, not spread: an import chains 50,000 entries, and spreading each input and then the entry took a tenth of their chaining.
    const row: AuditRow & HashedEntry = {
      seq,
      at: input.at,
      actorId: input.actorId,
      campaignId: input.campaignId,
      subject: input.subject,
      subjectId: input.subjectId,
      event: input.event,
      fromState: input.fromState,
      toState: input.toState,
      payload: input.payload instanceof JsonText ? input.payload.text : JSON.stringify(input.payload),
      version: input.version,
      unitId: input.unitId ?? null,
      categoryId: input.categoryId ?? null,
      prevHash,
      hash: '',
    };
    row.hash = auditHash(prevHash, row);
    prevHash = row.hash;
    return row;
  });
}

const lastEntryQuery = preparedOn((tx: Tx) => tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).prepare());

const auditColumns = Object.keys(getTableColumns(auditLog)) as (keyof AuditRow)[];
/** One entry, the usual case (a move): a prepared insert, shared by the moves committed together. */
const insertEntry = preparedOn((tx: Tx) =>
  tx
    .insert(auditLog)
    .values(Object.fromEntries(auditColumns.map((column) => [column, sql.placeholder(column)])) as Record<keyof AuditRow, Placeholder>)
    .prepare(),
);

async function lastEntry(tx: Tx): Promise<Appended | undefined> {
  const [last] = await lastEntryQuery(tx).all();
  return last;
}

/**
 * Appends entries to the audit log inside the caller's transaction, chained
 * to the entry before them. The last entry is read inside the write
 * transaction, so two processes appending to one database still chain in
 * the order they commit.
 */
export async function appendAudit(tx: Tx, ...inputs: AuditInput[]): Promise<Appended[]> {
  return appendAuditAll(tx, inputs);
}

/** {@link appendAudit} for lists of any length (a sweep may raise hundreds of thousands; spreading them as arguments overflows the stack). */
export async function appendAuditAll(tx: Tx, inputs: readonly AuditInput[]): Promise<Appended[]> {
  const rows = chainEntries(await lastEntry(tx), inputs);
  const [only] = rows;
  if (rows.length === 1 && only !== undefined) await insertEntry(tx).run(only);
  else for (let i = 0; i < rows.length; i += 1000) await insertRows(tx, auditLog, rows.slice(i, i + 1000));
  return rows.map(({ seq, hash }) => ({ seq, hash }));
}
