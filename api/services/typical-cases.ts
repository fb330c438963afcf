import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditLog, clues } from '../../db/schema';
import type { ClueContext } from '../../engine';
import type { UnitNode } from '../auth/unit-scope';
import type { TypicalCase, TypicalCases } from '../contracts/typical-cases';
import type { CampaignRow } from './campaign-rules';
import { reportScope, spanOf, type ReportRequest } from './report';

const chosen = 'clue.markTypical';
const withdrawn = 'clue.unmarkTypical';
// A typical case merged into another clue is withdrawn with it (the engine clears it).
const merged = 'clue.merge';

/** One clue's standing as a typical case, folded from its entries in the order they were written. */
interface Standing {
  chosenAt: string;
  revisedAt: string;
  summary: string;
  unitId: string;
  categoryId: number | null;
}

/**
 * The typical cases of a span: the clues chosen to publicise within it that
 * were still chosen at its end, with their summaries as they stood then;
 * of the whole campaign, of a unit and those below it, or of a category or
 * none (as the clue was when it was last chosen or revised). Read from the
 * history, so a past phase's list stays what it was whatever happens
 * later; the clue's title, case number and outcome are as they are now.
 */
export async function typicalCasesOf(
  db: Db | Tx,
  campaign: CampaignRow,
  request: ReportRequest,
  now: Date,
  unitTree: () => Promise<readonly UnitNode[]>,
): Promise<TypicalCases> {
  const span = spanOf(campaign, request, now);
  const scope = await reportScope(db, campaign.id, request, unitTree);
  const byTheEnd = and(eq(auditLog.campaignId, campaign.id), eq(auditLog.subject, 'clue'), lt(auditLog.at, span.to), lte(auditLog.at, span.asOf));
  // The choices and withdrawals are few, read with their summaries; merges are many more, and read from the audit_report
  // index alone (no payload). Both found by campaign and event, then put back in the order they were written.
  const [choices, merges] = await Promise.all([
    db
      .select({ seq: auditLog.seq, clueId: auditLog.subjectId, event: auditLog.event, at: auditLog.at, unitId: auditLog.unitId, categoryId: auditLog.categoryId, payload: auditLog.payload })
      .from(auditLog)
      .where(and(byTheEnd, inArray(auditLog.event, [chosen, withdrawn]))),
    db
      .select({ seq: auditLog.seq, clueId: auditLog.subjectId, event: auditLog.event, at: auditLog.at, unitId: auditLog.unitId, categoryId: auditLog.categoryId, payload: sql<string>`''` })
      .from(auditLog)
      .where(and(byTheEnd, eq(auditLog.event, merged))),
  ]);
  const entries = [...choices, ...merges].sort((a, b) => a.seq - b.seq);
  const standing = new Map<number, Standing>();
  for (const entry of entries) {
    if (entry.event === withdrawn || entry.event === merged) {
      standing.delete(entry.clueId);
      continue;
    }
    const { summary } = JSON.parse(entry.payload) as { summary: string };
    const before = standing.get(entry.clueId);
    standing.set(entry.clueId, { chosenAt: before?.chosenAt ?? entry.at, revisedAt: entry.at, summary, unitId: entry.unitId ?? '', categoryId: entry.categoryId });
  }
  const units = scope.units === null ? null : new Set(scope.units);
  const chosenInSpan = [...standing.entries()].filter(
    ([, s]) => s.chosenAt >= span.from && (units === null || units.has(s.unitId)) && (scope.categoryId === null || s.categoryId === (scope.categoryId === 'none' ? null : scope.categoryId)),
  );
  const rows =
    chosenInSpan.length === 0
      ? []
      : await db
          .select({ id: clues.id, state: clues.state, title: clues.title, context: clues.context })
          .from(clues)
          .where(and(eq(clues.campaignId, campaign.id), inArray(clues.id, chosenInSpan.map(([id]) => id))));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const cases: TypicalCase[] = chosenInSpan.flatMap(([clueId, s]) => {
    const clue = byId.get(clueId);
    if (clue === undefined) return [];
    const context: ClueContext = clue.context;
    return [
      {
        clueId,
        title: clue.title,
        caseNumber: context.caseNumber,
        unitId: s.unitId,
        categoryId: s.categoryId,
        state: clue.state,
        summary: s.summary,
        chosenAt: s.chosenAt,
        revisedAt: s.revisedAt,
        outcome: context.outcome,
        sentForProsecution: context.sentForProsecution,
      },
    ];
  });
  cases.sort((a, b) => (a.chosenAt < b.chosenAt ? -1 : a.chosenAt > b.chosenAt ? 1 : a.clueId - b.clueId));
  return { campaignId: campaign.id, phase: request.phase ?? null, span, unit: request.unit ?? null, categoryId: scope.categoryId, cases, generatedAt: now.toISOString() };
}
