import type { Tx } from '../../../db/client';
import { appendAudit } from '../../../db/audit/append';
import type { PeopleSubject } from '../../../db/schema';

/** Who makes a change to people or units, and when: every such change is an audit entry. */
export interface AdminChange {
  /** The administrator (or the user changing their own password); null for the first start. */
  readonly by: number | null;
  readonly now: Date;
}

/** What the entry is about: a user by id, a unit by its code, or the password policy. */
export type PeopleRef = { readonly user: number } | { readonly unit: string } | { readonly policy: true };

function subjectOf(ref: PeopleRef): { subject: PeopleSubject; subjectId: number; unitId: string | null } {
  if ('user' in ref) return { subject: 'user', subjectId: ref.user, unitId: null };
  // Unit codes are text; the entry names the unit in unitId, as item entries name theirs.
  if ('unit' in ref) return { subject: 'unit', subjectId: 0, unitId: ref.unit };
  return { subject: 'password_policy', subjectId: 1, unitId: null };
}

/**
 * Writes a people-administration entry into the same hash-chained log as
 * every move, inside the change's own transaction, so the log shows who
 * created, changed, disabled or reset whom. These entries belong to no
 * campaign. Payloads never hold a password or its hash.
 */
export async function auditPeople(tx: Tx, change: AdminChange, ref: PeopleRef, event: string, payload: Record<string, unknown>): Promise<void> {
  await appendAudit(tx, {
    at: change.now.toISOString(),
    actorId: change.by,
    campaignId: null,
    ...subjectOf(ref),
    event,
    fromState: null,
    toState: null,
    payload,
    // People and units carry no version of their own; the log's seq orders their changes.
    version: 0,
    categoryId: null,
  });
}

/** The fields an edit changed, each as { from, to }: what an edit entry records. */
export function changedFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
