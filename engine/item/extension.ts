import { z } from 'zod';
import { localDateSchema } from '../deadlines/local-date';
import { endOfLocalDate, type LocalDate } from '../deadlines/local-time';
import { refuse, type Refusal } from '../refusals';
import type { Check } from './checks';
import type { Actor } from '../actor';
import type { EventMeta, ItemRulesContext } from './types';
import { requiredText } from '../visible-text';

/**
 * A deadline extension (延期): a unit lead or the office gives an item more
 * time in the state it is in, to the end of a later calendar day, saying
 * why. The state and the time it was entered stay; only the due time moves,
 * so the escalations raised against the old due time are answered (the
 * server resolves them in the same commit) and the ladder starts again
 * from the new one.
 *
 * Whoever works the item may ask for one (延期申请), with the day and the
 * reason: the request waits on the item, shown to its unit's lead on the
 * card and in the drawer, until a lead or the office grants it (an
 * extension, to that day or another), declines it with a reason, or the
 * item moves on and the request with its state.
 */

/** Asking for an extension: the last calendar day wanted (local to the campaign), and why, for a lead or the office to grant. */
// The reason as the single-item routes' contracts hold it: something one can see (a batch's moves are checked by this alone).
export const requestExtensionPayloadSchema = z.strictObject({ until: localDateSchema, reason: requiredText(4000) });

/**
 * The request a grant answers, by when it was asked (a request waiting on an item is the one asked last). A grant
 * is an extension like any other; naming the request is what lets it be refused once that request no longer waits.
 */
export const answeringSchema = z.strictObject({ askedAt: z.iso.datetime({ offset: true }) });

/**
 * The extension's payload: the last calendar day now allowed (local to the campaign), and why; when it grants a
 * request for more time, the request it answers.
 */
export const extendPayloadSchema = requestExtensionPayloadSchema.extend({ answering: answeringSchema.optional() });
export type ExtendPayload = z.infer<typeof extendPayloadSchema>;
/** Declining a request says why. */
export const declineExtensionPayloadSchema = z.strictObject({ reason: requiredText(4000) });

export const isExtension = (eventType: string) => eventType.endsWith('.extend');
export const isExtensionRequest = (eventType: string) => eventType.endsWith('.requestExtension');

/** A request waiting on an item: the day asked for, its due time, why, who asked and when. */
export interface ExtensionRequest {
  readonly until: LocalDate;
  readonly dueAt: string;
  readonly reason: string;
  readonly by: number;
  readonly at: string;
}

/** What the context of an item holds about requests: absent until the first (items stored before requests existed have none). */
export interface WithExtensionRequest {
  readonly dueAt: string | null;
  readonly extensionRequest?: ExtensionRequest | null;
}

/** The request waiting on an item, or null. */
export function extensionRequestOf(context: WithExtensionRequest): ExtensionRequest | null {
  return context.extensionRequest ?? null;
}

/** The events about deadlines, of either kind, as the checks and actions read them. */
type DeadlineEvent = {
  readonly type: string;
  readonly meta: EventMeta;
  readonly until?: string;
  readonly reason?: string;
  readonly requestedDueAt?: string;
  readonly answering?: { readonly askedAt: string };
};

/**
 * What an extension or a request needs beyond its payload, from the rules:
 * refused past the campaign's last day; else the due time the day asked for
 * means (a request carries it, so its check and its lead read it as the
 * extension would set it). Null for any other event.
 */
export function extensionOf(eventType: string, payload: unknown, rules: ItemRulesContext): { readonly refusal: Refusal } | { readonly dueAt: string } | null {
  if (!isExtension(eventType) && !isExtensionRequest(eventType)) return null;
  const wanted = payload as ExtendPayload;
  const refusal = extensionPastCampaign(wanted, rules);
  return refusal === null ? { dueAt: extendedDueAt(wanted.until, rules.timeZone) } : { refusal };
}

/** The due time an extension to the end of `until` sets, as the event's meta carries it. */
function extendedDueAt(until: LocalDate, timeZone: string): string {
  return endOfLocalDate(until, timeZone).toISOString();
}

/**
 * An extension past the campaign's last day is refused by its field: the
 * campaign ends then, and whatever is still open is counted as such in the
 * last report, not carried on.
 */
function extensionPastCampaign(payload: ExtendPayload, rules: ItemRulesContext): Refusal | null {
  if (payload.until <= rules.campaignLastDay) return null;
  const message = { zh: `不能晚于专项行动的最后一天（${rules.campaignLastDay}）`, en: `Not after the campaign's last day (${rules.campaignLastDay})` };
  return refuse('payload_invalid', [{ field: 'until', message }], message);
}

/**
 * A unit lead extends an item's deadline at most `extensionsByLead` times
 * in one state (the campaign's rule; the office any number of times): past
 * it the lead asks, as an officer does, and the office decides. Null when
 * the actor may extend as far as this rule goes.
 */
export function leadExtensionRefusal(actor: Actor, rules: Pick<ItemRulesContext, 'extensionsByLead'>, facts: { readonly extensionsInState?: number }): Refusal | null {
  const limit = rules.extensionsByLead ?? null;
  if (actor.role !== 'lead' || limit === null) return null;
  const given = facts.extensionsInState ?? 0;
  if (given < limit) return null;
  return refuse('role_forbidden', undefined, {
    zh: limit === 0 ? '本专项行动的延期由专项办审批，请提交延期申请' : `单位负责人在同一状态最多可延期 ${limit} 次，本事项已延期 ${given} 次；再次延期请提交申请，由专项办审批`,
    en:
      limit === 0
        ? 'In this campaign the office extends deadlines: ask for more time instead'
        : `A unit lead may extend an item's deadline ${limit === 1 ? 'once' : `${limit} times`} in one state, and this one has had ${given === 1 ? 'one extension' : `${given}`}: ask for more time instead, and the office decides`,
  });
}

const notLater = refuse('payload_invalid', [{ field: 'until', message: { zh: '新期限须晚于现有期限', en: 'The new deadline must be later than the current one' } }], {
  zh: '延期后的期限须晚于现有期限',
  en: 'An extension must move the deadline later',
});
const past = refuse('payload_invalid', [{ field: 'until', message: { zh: '新期限不能早于今天', en: 'The new deadline cannot be before today' } }], {
  zh: '新期限已过，请选择今天或以后的日期',
  en: 'That deadline has passed: choose today or a later day',
});

const noRequest = refuse('move_not_allowed', undefined, { zh: '该事项没有待审批的延期申请', en: 'No extension has been asked for on this item' });

const notWaiting = {
  zh: '所答复的延期申请已不再待审批（已被答复、被新的申请取代，或随状态结束），未作延期',
  en: 'The request for more time this answers is no longer waiting (answered, replaced by a newer one, or ended with its state): nothing was extended',
};
const answeredMeanwhile = refuse('move_not_allowed', [{ field: 'answering', message: notWaiting }], notWaiting);

/**
 * Who asked for more time does not answer it: a unit lead's own request
 * (asked past their extensions in a state) waits on the office, and a lead
 * who declined it was counted in the report as refused by a lead. Judged as
 * a decision is made, not by the machine, so that entries written before
 * replay as they were decided.
 */
export function ownRequestRefusal(actor: Actor, context: WithExtensionRequest): Refusal | null {
  return extensionRequestOf(context)?.by === actor.userId
    ? refuse('role_forbidden', undefined, { zh: '不能答复自己提出的延期申请：由专项办审批', en: 'You cannot answer your own request for more time: the office decides it' })
    : null;
}

/** The named rules of an extension and its request, for either kind's machine. */
export function extensionChecks<Context extends WithExtensionRequest, Event extends DeadlineEvent>() {
  return {
    /** The new due time (set, or asked for) is later than the one it replaces, and has not passed already. */
    extensionLater: (context: Context, event: Event) => {
      const wanted = isExtension(event.type) ? event.meta.dueAt : isExtensionRequest(event.type) ? (event.requestedDueAt ?? null) : null;
      if (wanted === null) return null;
      if (context.dueAt !== null && wanted <= context.dueAt) return notLater;
      return wanted <= event.meta.at ? past : null;
    },
    /**
     * A grant answers the request it names, which must be the one waiting still: declined meanwhile (the office
     * may have), replaced by its asker or ended with its state, the lead's grant of it is refused rather than
     * taken as an extension of their own. An extension naming no request is judged as before.
     */
    answersWaitingRequest: (context: Context, event: Event) => {
      if (!isExtension(event.type) || event.answering === undefined) return null;
      const waiting = extensionRequestOf(context);
      // Compared as instants: the request's time is stored as toISOString gives it, and may be named with an offset.
      return waiting !== null && Date.parse(waiting.at) === Date.parse(event.answering.askedAt) ? null : answeredMeanwhile;
    },
    /** Only a request waiting on the item can be declined. */
    extensionRequested: (context: Context) => (extensionRequestOf(context) === null ? noRequest : null),
  } satisfies Record<string, Check<Context, Event>>;
}

/**
 * The context after an event about deadlines: a request recorded, or ended
 * by an extension or a decline (a context that never had one is left as it
 * was, so older items replay alike). Unchanged for any other event.
 */
export function withExtension<Context extends WithExtensionRequest>(context: Context, event: DeadlineEvent): Partial<WithExtensionRequest> {
  if (isExtensionRequest(event.type) && event.until !== undefined && event.reason !== undefined && event.requestedDueAt !== undefined) {
    return { extensionRequest: { until: event.until, dueAt: event.requestedDueAt, reason: event.reason, by: event.meta.actor.userId, at: event.meta.at } };
  }
  const ended = extensionRequestOf(context) === null ? {} : { extensionRequest: null };
  if (isExtension(event.type)) return { dueAt: event.meta.dueAt, ...ended };
  if (event.type.endsWith('.declineExtension')) return ended;
  return {};
}

/** A request is for the deadline of the state it was made in: entering another ends it. */
export function requestEndedWithState(context: WithExtensionRequest): Partial<WithExtensionRequest> {
  return extensionRequestOf(context) === null ? {} : { extensionRequest: null };
}
