import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { clueIdentifiers, clues } from '../../db/schema';
import { extractIdentifiers, type Actor, type Identifier } from '../../engine';
import { readScope } from './board';
import { letOthersIn } from './let-others-in';

export interface DuplicateMatch {
  readonly clueId: number;
  readonly unitId: string;
  readonly state: string;
  readonly foundAt: string;
  /** Null when the clue is outside the viewer's scope: they learn that another unit holds it, not what it says. */
  readonly title: string | null;
  readonly matched: Identifier[];
}

/**
 * Clues of the campaign that share an identifier with the given text,
 * across all units, earliest found first. One indexed lookup per kind.
 */
export async function findDuplicates(db: Db | Tx, campaignId: number, text: string, actor: Actor, excludeId?: number): Promise<{ identifiers: Identifier[]; matches: DuplicateMatch[] }> {
  const identifiers = extractIdentifiers(text);
  if (identifiers.length === 0) return { identifiers, matches: [] };
  const rows = await db
    .select({ clueId: clueIdentifiers.clueId, kind: clueIdentifiers.kind, value: clueIdentifiers.value, unitId: clues.unitId, state: clues.state, foundAt: clues.foundAt, title: clues.title })
    .from(clueIdentifiers)
    .innerJoin(clues, eq(clues.id, clueIdentifiers.clueId))
    .where(
      and(
        eq(clueIdentifiers.campaignId, campaignId),
        or(...identifiers.map((i) => and(eq(clueIdentifiers.kind, i.kind), eq(clueIdentifiers.value, i.value)))),
        excludeId === undefined ? undefined : ne(clueIdentifiers.clueId, excludeId),
        ne(clues.state, 'merged'),
      ),
    );
  const scope = readScope(actor);
  const byClue = new Map<number, { clueId: number; unitId: string; state: string; foundAt: string; title: string | null; matched: Identifier[] }>();
  for (const row of rows) {
    let match = byClue.get(row.clueId);
    if (match === undefined) {
      const visible = scope === null || scope.includes(row.unitId);
      match = { clueId: row.clueId, unitId: row.unitId, state: row.state, foundAt: row.foundAt, title: visible ? row.title : null, matched: [] };
      byClue.set(row.clueId, match);
    }
    match.matched.push({ kind: row.kind as Identifier['kind'], value: row.value });
  }
  return { identifiers, matches: [...byClue.values()].sort((a, b) => a.foundAt.localeCompare(b.foundAt) || a.clueId - b.clueId) };
}

/** For the identifiers of many texts at once (an import preview): the existing clues sharing each one, by `kind:value`. */
export async function duplicatesOfMany(db: Db | Tx, campaignId: number, identifiers: readonly (readonly Identifier[])[]): Promise<Map<string, number[]>> {
  const all = new Map<string, Identifier>();
  for (const list of identifiers) for (const i of list) all.set(`${i.kind}:${i.value}`, i);
  const found = new Map<string, number[]>();
  const list = [...all.values()];
  for (let i = 0; i < list.length; i += 200) {
    if (i % 2000 === 0 && i > 0) await letOthersIn();
    const chunk = list.slice(i, i + 200);
    const values = [...new Set(chunk.map((c) => c.value))];
    const rows = await db
      .select({ clueId: clueIdentifiers.clueId, kind: clueIdentifiers.kind, value: clueIdentifiers.value })
      .from(clueIdentifiers)
      .where(and(eq(clueIdentifiers.campaignId, campaignId), inArray(clueIdentifiers.value, values)));
    for (const row of rows) {
      const key = `${row.kind}:${row.value}`;
      if (!all.has(key)) continue;
      found.set(key, [...(found.get(key) ?? []), row.clueId]);
    }
  }
  return found;
}
