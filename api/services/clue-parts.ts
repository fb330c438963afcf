import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditLog, clues } from '../../db/schema';
import type { Actor } from '../../engine';
import { readScope } from './board';

export interface CluePart {
  readonly clueId: number;
  readonly unitId: string;
  readonly foundAt: string;
  readonly source: string;
  readonly state: string;
  /** Null outside the viewer's scope: they learn which unit found it and when, not what it says. */
  readonly title: string | null;
  /** The clue this part was merged into (the survivor itself, or a clue merged into it later); null for the survivor. */
  readonly mergedInto: number | null;
  readonly mergedAt: string | null;
}

export interface ClueParts {
  readonly clueId: number;
  /** The part found earliest (ties: the lower id): which unit had the lead first. */
  readonly firstFound: CluePart;
  /** The survivor and every clue merged into it, directly or through a clue merged into it, earliest found first. */
  readonly parts: CluePart[];
}

/** A merge chain deeper than this is a cycle, which the engine never lets happen. */
const maxParts = 10_000;

/**
 * Where a surviving clue's parts came from: each clue merged into it, with
 * the unit that found it, when, from which source, and when it was merged.
 * Follows merges of merges, so a lead reported by three counties shows all
 * three whatever order they were merged in.
 */
export async function cluePartsOf(db: Db | Tx, survivor: { readonly id: number }, actor: Actor): Promise<ClueParts> {
  const scope = readScope(actor);
  const parts: CluePart[] = [];
  const seen = new Set<number>([survivor.id]);
  let frontier = [survivor.id];
  while (frontier.length > 0 && parts.length < maxParts) {
    const rows = await db
      .select({ id: clues.id, unitId: clues.unitId, foundAt: clues.foundAt, state: clues.state, title: clues.title, context: clues.context })
      .from(clues)
      .where(inArray(clues.id, frontier));
    const mergedAt = await mergeTimes(db, rows.filter((r) => r.id !== survivor.id).map((r) => r.id));
    frontier = [];
    for (const row of rows) {
      const visible = scope === null || scope.includes(row.unitId);
      parts.push({
        clueId: row.id,
        unitId: row.unitId,
        foundAt: row.foundAt,
        source: row.context.source,
        state: row.state,
        title: visible ? row.title : null,
        mergedInto: row.id === survivor.id ? null : row.context.mergedInto,
        mergedAt: mergedAt.get(row.id) ?? null,
      });
      for (const id of row.context.absorbed) {
        if (!seen.has(id)) {
          seen.add(id);
          frontier.push(id);
        }
      }
    }
  }
  parts.sort((a, b) => a.foundAt.localeCompare(b.foundAt) || a.clueId - b.clueId);
  const [firstFound] = parts;
  if (firstFound === undefined) throw new Error(`clue ${survivor.id} vanished while reading its parts`);
  return { clueId: survivor.id, firstFound, parts };
}

/** When each clue was merged: the time of its latest merge entry in the audit log. */
async function mergeTimes(db: Db | Tx, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: auditLog.subjectId, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.subject, 'clue'), eq(auditLog.event, 'clue.merge'), inArray(auditLog.subjectId, [...ids])));
  const times = new Map<number, string>();
  for (const row of rows) if ((times.get(row.id) ?? '') < row.at) times.set(row.id, row.at);
  return times;
}
