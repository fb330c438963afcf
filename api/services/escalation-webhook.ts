import type { escalations } from '../../db/schema';

type EscalationRow = typeof escalations.$inferSelect;

/**
 * The JSON a webhook receives for an escalation: raised, or passed on to
 * another recipient (its item transferred or reassigned; `from` says whom it
 * was routed to before). `recipientUserIds` names who it is routed to now:
 * the assignee, the unit's leads, or the office's leads (each office user
 * when the office has none stored).
 */
export function webhookBody(row: EscalationRow, recipientUserIds: readonly number[], passedOn?: { readonly from: Pick<EscalationRow, 'unitId' | 'recipient' | 'recipientUserId'> }): string {
  return JSON.stringify({
    type: passedOn === undefined ? 'escalation.raised' : 'escalation.rerouted',
    ...(passedOn !== undefined && { from: passedOn.from }),
    escalation: {
      id: row.id,
      campaignId: row.campaignId,
      subject: row.subject,
      subjectId: row.subjectId,
      state: row.state,
      level: row.level,
      recipient: row.recipient,
      recipientUserId: row.recipientUserId,
      recipientUserIds,
      unitId: row.unitId,
      dueAt: row.dueAt,
      raisedAt: row.raisedAt,
      detail: row.detail,
    },
  });
}
