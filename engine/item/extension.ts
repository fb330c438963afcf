import { z } from 'zod';
import { localDateSchema } from '../deadlines/local-date';
import { endOfLocalDate, type LocalDate } from '../deadlines/local-time';
import { refuse, type Refusal } from '../refusals';
import type { Check } from './checks';
import type { EventMeta, ItemRulesContext } from './types';

/**
 * A deadline extension (延期): a unit lead or the office gives an item more
 * time in the state it is in, to the end of a later calendar day, saying
 * why. The state and the time it was entered stay; only the due time moves,
 * so the escalations raised against the old due time are answered (the
 * server resolves them in the same commit) and the ladder starts again
 * from the new one.
 */

/** The extension's payload: the last calendar day now allowed (local to the campaign), and why. */
export const extendPayloadSchema = z.strictObject({ until: localDateSchema, reason: z.string().trim().min(1).max(4000) });
export type ExtendPayload = z.infer<typeof extendPayloadSchema>;

export const isExtension = (eventType: string) => eventType.endsWith('.extend');

/** The due time an extension to the end of `until` sets, as the event's meta carries it. */
export function extendedDueAt(until: LocalDate, timeZone: string): string {
  return endOfLocalDate(until, timeZone).toISOString();
}

/**
 * An extension past the campaign's last day is refused by its field: the
 * campaign ends then, and whatever is still open is counted as such in the
 * last report, not carried on.
 */
export function extensionPastCampaign(payload: ExtendPayload, rules: ItemRulesContext): Refusal | null {
  if (payload.until <= rules.campaignLastDay) return null;
  const message = { zh: `不能晚于专项行动的最后一天（${rules.campaignLastDay}）`, en: `Not after the campaign's last day (${rules.campaignLastDay})` };
  return refuse('payload_invalid', [{ field: 'until', message }], message);
}

const notLater = refuse('payload_invalid', [{ field: 'until', message: { zh: '新期限须晚于现有期限', en: 'The new deadline must be later than the current one' } }], {
  zh: '延期后的期限须晚于现有期限',
  en: 'An extension must move the deadline later',
});
const past = refuse('payload_invalid', [{ field: 'until', message: { zh: '新期限不能早于今天', en: 'The new deadline cannot be before today' } }], {
  zh: '新期限已过，请选择今天或以后的日期',
  en: 'That deadline has passed: choose today or a later day',
});

/** The named rules of an extension, for either kind's machine. */
export function extensionChecks<Context extends { readonly dueAt: string | null }, Event extends { readonly type: string; readonly meta: EventMeta }>() {
  return {
    /** The new due time is later than the one it replaces, and has not passed already. */
    extensionLater: (context: Context, event: Event) => {
      if (!isExtension(event.type) || event.meta.dueAt === null) return null;
      if (context.dueAt !== null && event.meta.dueAt <= context.dueAt) return notLater;
      return event.meta.dueAt <= event.meta.at ? past : null;
    },
  } satisfies Record<string, Check<Context, Event>>;
}
