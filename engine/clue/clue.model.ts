import { z } from 'zod';
import { oneLineText, requiredText } from '../visible-text';
import { clueOutcomeSchema, prosecutionSchema, type ClueOutcome } from '../outcome';
import { attachPayloadSchema, detachPayloadSchema, type WithAttachments } from '../item/attachments';
import { declineExtensionPayloadSchema, extendPayloadSchema, requestExtensionPayloadSchema, type WithExtensionRequest } from '../item/extension';
import type { EventMeta } from '../item/types';
import { caseNumberSchema } from './case-number';

/** The clue's states, in the order of the board's main flow, then the side states. */
export const clueStates = ['found', 'verifying', 'filed', 'solved', 'prosecuted', 'unfounded', 'merged'] as const;
export type ClueState = (typeof clueStates)[number];

/** States that carry a time limit (a clue in them is still being worked). */
export const openClueStates = ['found', 'verifying', 'filed', 'solved'] as const satisfies readonly ClueState[];
export type OpenClueState = (typeof openClueStates)[number];

/** Side states, shown apart from the main flow on the board. */
export const sideClueStates = ['unfounded', 'merged'] as const satisfies readonly ClueState[];

export function isOpenClueState(state: ClueState): state is OpenClueState {
  return (openClueStates as readonly ClueState[]).includes(state);
}

/** Where a clue came from: the sweeps and platforms the campaign draws on. */
export const clueSources = [
  'platform110',
  'platform12337',
  'incidentSweep',
  'caseReexamination',
  'onlineSurvey',
  'detentionInformant',
  'suspectScreening',
  'other',
] as const;
export type ClueSource = (typeof clueSources)[number];

/** Everything the rules and the history know about a clue (the files attached to it: see attachments.ts; a request for more time: extension.ts). */
export interface ClueContext extends WithAttachments, WithExtensionRequest {
  readonly campaignId: number;
  readonly unitId: string;
  readonly categoryId: number | null;
  readonly assigneeId: number | null;
  readonly title: string;
  readonly description: string;
  readonly source: ClueSource;
  readonly caseNumber: string | null;
  readonly conclusion: string | null;
  readonly outcome: ClueOutcome | null;
  readonly sentForProsecution: number | null;
  readonly mergedInto: number | null;
  /** Clues merged into this one, in the order they arrived. */
  readonly absorbed: readonly number[];
  readonly foundAt: string;
  /** When the clue entered its current state, and when that state is due. */
  readonly enteredAt: string;
  readonly dueAt: string | null;
  /** When the last work note was written: absent until one is (items stored before notes existed have none). */
  readonly lastNoteAt?: string;
  /**
   * Chosen as a typical case (典型案例) to publicise, with the summary the
   * press office may publish: absent, or null once withdrawn.
   */
  readonly typical?: TypicalCase | null;
}

/** A solved clue chosen to publicise ("曝光典型案例"): what may be published, and when it was chosen or last revised. */
export interface TypicalCase {
  readonly summary: string;
  readonly markedAt: string;
}

/** The clue's typical case, or null if it is not one (never chosen, withdrawn, or stored before typical cases existed). */
export function typicalCaseOf(context: Pick<ClueContext, 'typical'>): TypicalCase | null {
  return context.typical ?? null;
}

/** Required, trimmed, and visible (see {@link requiredText}). */
const text = requiredText;
const userId = z.number().int().positive();

/** The editable fields of a clue, as a user types them. */
export const clueFieldsSchema = z.strictObject({
  title: oneLineText(500),
  description: z.string().trim().max(20_000),
  categoryId: z.number().int().positive().nullable(),
  source: z.enum(clueSources),
});
export type ClueFields = z.infer<typeof clueFieldsSchema>;

/** The payload each event needs from the person asking. */
export const cluePayloadSchemas = {
  'clue.verify': z.strictObject({ assigneeId: userId.optional() }),
  'clue.file': z.strictObject({ caseNumber: caseNumberSchema, conclusion: text(4000) }),
  'clue.solve': z.strictObject({ outcome: clueOutcomeSchema }),
  'clue.prosecute': prosecutionSchema,
  'clue.dismiss': z.strictObject({ conclusion: text(4000) }),
  'clue.reopen': z.strictObject({ reason: text(4000) }),
  'clue.merge': z.strictObject({ targetId: z.number().int().positive(), reason: z.string().trim().max(4000).optional() }),
  'clue.absorb': z.strictObject({ sourceId: z.number().int().positive() }),
  'clue.transfer': z.strictObject({ unitId: text(64), reason: text(4000) }),
  'clue.assign': z.strictObject({ assigneeId: userId.nullable() }),
  'clue.edit': clueFieldsSchema.partial().refine((p) => Object.keys(p).length > 0),
  // A work note (进展记录): what was done or found, with no change of state or field.
  'clue.note': z.strictObject({ text: text(4000) }),
  // A solved case chosen to publicise, with its summary for publication; sent again, it revises the summary.
  'clue.markTypical': z.strictObject({ summary: text(2000) }),
  'clue.unmarkTypical': z.strictObject({ reason: text(4000) }),
  // A file attached (附件) or removed: sent by the server's attachment routes, which store the file first.
  'clue.attach': attachPayloadSchema,
  'clue.detach': detachPayloadSchema,
  // More time in the state it is in (延期), to the end of a later day, with the reason: a lead's or the office's call.
  'clue.extend': extendPayloadSchema,
  // Whoever works the item asks for more time; a lead or the office grants it (an extension) or declines it.
  'clue.requestExtension': requestExtensionPayloadSchema,
  'clue.declineExtension': declineExtensionPayloadSchema,
} as const;

export type ClueEventType = keyof typeof cluePayloadSchemas;
export const clueEventTypes = Object.keys(cluePayloadSchemas) as ClueEventType[];
export type CluePayload<T extends ClueEventType> = z.infer<(typeof cluePayloadSchemas)[T]>;

/** The merge target as the rules need to see it (loaded by the caller). */
export interface MergeTarget {
  readonly id: number;
  readonly campaignId: number;
  readonly unitId: string;
  readonly state: ClueState;
  /** The clues the target was itself merged into, nearest first. */
  readonly chain: readonly number[];
}

type WithMeta<T extends ClueEventType, Extra = unknown> = { readonly type: T; readonly meta: EventMeta } & CluePayload<T> & Extra;

/** The events of the clue machine: payload, plus meta, plus facts loaded by the caller. */
export type ClueEvent =
  | WithMeta<'clue.verify'>
  | WithMeta<'clue.file'>
  | WithMeta<'clue.solve'>
  | WithMeta<'clue.prosecute'>
  | WithMeta<'clue.dismiss'>
  | WithMeta<'clue.reopen'>
  | WithMeta<'clue.merge', { readonly target: MergeTarget }>
  | WithMeta<'clue.absorb'>
  | WithMeta<'clue.transfer'>
  | WithMeta<'clue.assign'>
  | WithMeta<'clue.edit'>
  | WithMeta<'clue.note'>
  | WithMeta<'clue.markTypical'>
  | WithMeta<'clue.unmarkTypical'>
  | WithMeta<'clue.attach'>
  | WithMeta<'clue.detach'>
  | WithMeta<'clue.extend'>
  | WithMeta<'clue.requestExtension', { readonly requestedDueAt: string }>
  | WithMeta<'clue.declineExtension'>;
