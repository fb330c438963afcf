import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escalations } from '../../db/schema';
import type { Actor } from '../../engine';
import type { EscalationWire } from '../contracts/escalations';
import { ApiError } from '../errors';
import { readScope } from './board';
import { tableOf } from './item-tables';
import { mayAcknowledge } from './escalation-inbox';
import { loadEscalationRouting } from './people/escalation-routing';

type Status = 'open' | 'acknowledged' | 'resolved' | 'active';

/**
 * The escalations of one clue or problem, highest rung first, for its
 * detail drawer: whoever may read the item may read them, whoever they
 * were raised to. An item outside the reader's units is not found.
 */
export async function readItemEscalations(
  db: Db,
  actor: Actor,
  subject: 'clue' | 'problem',
  subjectId: number,
  status: Status,
): Promise<{ counts: { open: number; acknowledged: number }; items: EscalationWire[]; next: null }> {
  const t = tableOf(subject);
  const [item] = await db.select({ title: t.title, unitId: t.unitId }).from(t).where(eq(t.id, subjectId)).limit(1);
  const scope = readScope(actor);
  if (item === undefined || (scope !== null && !scope.includes(item.unitId))) throw new ApiError('not_found');
  const rows = await db
    .select()
    .from(escalations)
    .where(and(eq(escalations.subject, subject), eq(escalations.subjectId, subjectId)))
    .orderBy(desc(escalations.level), desc(escalations.id));
  const wanted = (s: EscalationWire['status']) => (status === 'active' ? s !== 'resolved' : s === status);
  const routing = await loadEscalationRouting(db);
  return {
    counts: { open: rows.filter((r) => r.status === 'open').length, acknowledged: rows.filter((r) => r.status === 'acknowledged').length },
    items: rows
      .filter((row) => wanted(row.status))
      .map((row) => ({ ...row, title: item.title, detail: row.detail ?? null, mayAcknowledge: row.status === 'open' && mayAcknowledge(actor, routing, row) })),
    // One item's escalations: a few rungs per state it stayed in, on one page.
    next: null,
  };
}
