import { z } from 'zod';
import { oneLineText, requiredText } from '../visible-text';
import { rectificationSchema, type Rectification } from '../outcome';
import { attachPayloadSchema, detachPayloadSchema, type WithAttachments } from '../item/attachments';
import { declineExtensionPayloadSchema, extendPayloadSchema, requestExtensionPayloadSchema, type WithExtensionRequest } from '../item/extension';
import type { EventMeta } from '../item/types';

/** The states of a rectification item, in the order of the board's flow. */
export const problemStates = ['identified', 'rectifying', 'rectified', 'verified'] as const;
export type ProblemState = (typeof problemStates)[number];

export const openProblemStates = ['identified', 'rectifying', 'rectified'] as const satisfies readonly ProblemState[];
export type OpenProblemState = (typeof openProblemStates)[number];

export function isOpenProblemState(state: ProblemState): state is OpenProblemState {
  return (openProblemStates as readonly ProblemState[]).includes(state);
}

/** What kind of gap a problem is: the seed names violating websites and supervision gaps of platforms. */
export const problemKinds = ['website', 'platformSupervision', 'accountOrGroup', 'industryGap', 'other'] as const;
export type ProblemKind = (typeof problemKinds)[number];

/** Everything the rules and the history know about a rectification item (and the files attached to it: see attachments.ts). */
export interface ProblemContext extends WithAttachments, WithExtensionRequest {
  readonly campaignId: number;
  readonly unitId: string;
  readonly categoryId: number | null;
  readonly assigneeId: number | null;
  readonly title: string;
  readonly description: string;
  readonly problemKind: ProblemKind;
  readonly rectification: Rectification | null;
  /** Why the office's last check failed, until the next rectification. */
  readonly rejection: string | null;
  readonly identifiedAt: string;
  readonly enteredAt: string;
  readonly dueAt: string | null;
  /** When the last work note was written: absent until one is (items stored before notes existed have none). */
  readonly lastNoteAt?: string;
}

/** Required, trimmed, and visible (see {@link requiredText}). */
const text = requiredText;
const userId = z.number().int().positive();

export const problemFieldsSchema = z.strictObject({
  title: oneLineText(500),
  description: z.string().trim().max(20_000),
  categoryId: z.number().int().positive().nullable(),
  problemKind: z.enum(problemKinds),
});
export type ProblemFields = z.infer<typeof problemFieldsSchema>;

export const problemPayloadSchemas = {
  'problem.rectify': z.strictObject({ assigneeId: userId.optional() }),
  'problem.complete': z.strictObject({ rectification: rectificationSchema }),
  'problem.verify': z.strictObject({ note: z.string().trim().max(4000).optional() }),
  'problem.reject': z.strictObject({ reason: text(4000) }),
  'problem.transfer': z.strictObject({ unitId: text(64), reason: text(4000) }),
  'problem.assign': z.strictObject({ assigneeId: userId.nullable() }),
  'problem.edit': problemFieldsSchema.partial().refine((p) => Object.keys(p).length > 0),
  // A work note (进展记录): what was done or found, with no change of state or field.
  'problem.note': z.strictObject({ text: text(4000) }),
  // A file attached (附件) or removed: sent by the server's attachment routes, which store the file first.
  'problem.attach': attachPayloadSchema,
  'problem.detach': detachPayloadSchema,
  // More time in the state it is in (延期), to the end of a later day, with the reason: a lead's or the office's call.
  'problem.extend': extendPayloadSchema,
  // Whoever works the item asks for more time; a lead or the office grants it (an extension) or declines it.
  'problem.requestExtension': requestExtensionPayloadSchema,
  'problem.declineExtension': declineExtensionPayloadSchema,
} as const;

export type ProblemEventType = keyof typeof problemPayloadSchemas;
export const problemEventTypes = Object.keys(problemPayloadSchemas) as ProblemEventType[];
export type ProblemPayload<T extends ProblemEventType> = z.infer<(typeof problemPayloadSchemas)[T]>;

type WithMeta<T extends ProblemEventType, Extra = unknown> = { readonly type: T; readonly meta: EventMeta } & ProblemPayload<T> & Extra;

export type ProblemEvent =
  | WithMeta<'problem.rectify'>
  | WithMeta<'problem.complete'>
  | WithMeta<'problem.verify'>
  | WithMeta<'problem.reject'>
  | WithMeta<'problem.transfer'>
  | WithMeta<'problem.assign'>
  | WithMeta<'problem.edit'>
  | WithMeta<'problem.note'>
  | WithMeta<'problem.attach'>
  | WithMeta<'problem.detach'>
  | WithMeta<'problem.extend'>
  | WithMeta<'problem.requestExtension', { readonly requestedDueAt: string }>
  | WithMeta<'problem.declineExtension'>;
