import { z } from 'zod';

export const escalationsQuery = z.strictObject({
  /** mine: raised to me (as assignee, as lead of the unit, as the office); unit: my units' (everything, for the office). */
  view: z.enum(['mine', 'unit']).default('mine'),
  status: z.enum(['open', 'acknowledged', 'resolved', 'active']).default('active'),
  campaign: z.coerce.number().int().positive().optional(),
  /** Up to 2,000: the inbox drawer shows more as asked, re-read whole when an escalation changes. */
  limit: z.coerce.number().int().min(1).max(2000).default(100),
  /** The page after the one whose `next` this is. */
  cursor: z.string().max(200).optional(),
  /** Only the escalations of one clue or problem (its detail drawer): the kind and the id, given together. */
  subject: z.enum(['clue', 'problem']).optional(),
  subjectId: z.coerce.number().int().positive().optional(),
});

export const escalation = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    subject: z.enum(['clue', 'problem', 'campaign']),
    subjectId: z.number().int(),
    title: z.string().nullable(),
    state: z.string(),
    level: z.number().int().min(1).max(3),
    recipient: z.enum(['assignee', 'unitLead', 'office']),
    recipientUserId: z.number().int().nullable(),
    unitId: z.string().nullable(),
    dueAt: z.string(),
    raisedAt: z.string(),
    status: z.enum(['open', 'acknowledged', 'resolved']),
    acknowledgedBy: z.number().int().nullable(),
    acknowledgedAt: z.string().nullable(),
    note: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    /** Whether the reader may acknowledge it (签收): the person it was raised to, a lead it is routed to, or the office. */
    mayAcknowledge: z.boolean(),
    /**
     * In the inbox: the highest rung standing on its item now, when above this one's (a lead's 超期 of an item since
     * raised to the office as 严重超期). Absent where no higher one stands.
     */
    raisedTo: z.number().int().min(2).max(3).optional(),
  })
  .meta({ id: 'Escalation' });
export type EscalationWire = z.infer<typeof escalation>;

export const escalationList = z
  .object({
    counts: z.object({ open: z.number().int(), acknowledged: z.number().int() }),
    items: z.array(escalation),
    /** The cursor of the next page, null after the last. */
    next: z.string().nullable(),
  })
  .meta({ id: 'EscalationList' });

export const acknowledgeRequest = z.strictObject({ note: z.string().trim().max(4000).optional() }).meta({ id: 'AcknowledgeRequest' });
