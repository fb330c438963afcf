import { z } from 'zod';

export const extensionRequestsQuery = z.strictObject({
  /** The oldest requests first; `total` counts them all. */
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A request for more time (延期申请) waiting on an open clue or problem. */
export const extensionRequestWire = z
  .object({
    subject: z.enum(['clue', 'problem']),
    subjectId: z.number().int(),
    title: z.string(),
    unitId: z.string(),
    state: z.string(),
    /** The item's deadline now, in its state; null for a state without one. */
    dueAt: z.string().nullable(),
    /** The day asked for (YYYY-MM-DD, the campaign's zone), and the deadline it would give. */
    until: z.string(),
    requestedDueAt: z.string(),
    reason: z.string(),
    askedBy: z.number().int(),
    askedByName: z.string().nullable(),
    askedAt: z.string(),
  })
  .meta({ id: 'ExtensionRequest' });
export type ExtensionRequestWire = z.infer<typeof extensionRequestWire>;

/** A request the viewer asked that has been answered lately: granted (to the day given), declined (with why), or ended by the item moving on. */
export const answeredRequestWire = z
  .object({
    subject: z.enum(['clue', 'problem']),
    subjectId: z.number().int(),
    title: z.string(),
    until: z.string(),
    askedAt: z.string(),
    outcome: z.enum(['granted', 'declined', 'ended']),
    answeredAt: z.string(),
    answeredByName: z.string().nullable(),
    /** Granted: the day the deadline was extended to (the one asked, or another). */
    grantedUntil: z.string().nullable(),
    /** The answer's reason: why it was declined, or what the grant said. */
    reason: z.string().nullable(),
  })
  .meta({ id: 'AnsweredExtensionRequest' });
export type AnsweredRequestWire = z.infer<typeof answeredRequestWire>;

export const extensionRequestList = z
  .object({
    /** How many there are in all (the list holds the oldest `limit`). */
    total: z.number().int(),
    /**
     * Whether these wait on the viewer's answer: for a unit lead those of
     * their units, for the office all; an officer's list holds the requests
     * they asked, an administrator's or a viewer's all they may read.
     */
    mayDecide: z.boolean(),
    items: z.array(extensionRequestWire),
    /**
     * A unit lead's own requests waiting on the office (asked past their extensions in a state), the oldest
     * first: not among `items`, which wait on them, and not counted in `total`. Empty for any other role.
     */
    askedByMe: z.array(extensionRequestWire),
    /** The viewer's own requests answered in the last 14 days, the latest answer first (at most 50): so whoever asked learns the answer. */
    answered: z.array(answeredRequestWire),
    /** The server's instant of this answer: a deadline that has passed is told by it, not by the reader's clock. */
    now: z.string(),
  })
  .meta({ id: 'ExtensionRequestList' });
