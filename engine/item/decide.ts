import type { Actor } from '../actor';
import { dueTimeIso, endOfDayIso } from '../deadlines/due-time';
import { refuse } from '../refusals';
import { validatePayload } from '../validation';
import { standardRefusal, whoRuleRefusal } from './checks';
import { extensionOf, isExtension, isExtensionRequest, leadExtensionRefusal, ownRequestRefusal, type WithExtensionRequest } from './extension';
import { awaitingOfficeDeadlineRefusal } from './awaiting-office';
import { noFactsNeeded, type ItemFacts, type ItemKind } from './kind';
import { noSuchMove } from './no-such-move';
import type { Responsibility } from './permissions';
import type { Decision, EventMeta, ItemRecord, ItemRulesContext, MoveRequest } from './types';

/**
 * The due time of a state entered at `now`, or null for states without a
 * time limit. Never past the end of the campaign's last day while that is
 * still ahead: the campaign ends then, and what is open is counted so in its
 * last report, as an extension past it is refused. Once the last day is over
 * (the office not yet concluding), the state's own limit applies, or every
 * move of those days would be overdue as it was made.
 */
export function dueAtFor(state: string, rules: ItemRulesContext, now: Date): string | null {
  const days = rules.timeLimits[state];
  if (days === undefined) return null;
  const due = dueTimeIso(now.getTime(), days, rules.timeZone);
  const end = endOfDayIso(rules.campaignLastDay, rules.timeZone);
  // UTC ISO strings of one length compare as their instants do.
  if (due <= end) return due;
  return end > now.toISOString() ? end : due;
}

/**
 * Decides a request about an item: either the next state and context with
 * the event to append to the audit log, or a refusal with its code.
 *
 * Order of checks: is there such a move at all; is the campaign open and
 * may this user make it; is the payload complete and valid; then the
 * machine's named guards in order (campaign open, who is asking, the move's
 * own rules). The guards are the machine's own, so the
 * machine transitions first and evaluates them once; only when it refuses
 * are they asked again, in order, for the refusal the user sees.
 */
export function decideItem<State extends string, Context extends { readonly dueAt: string | null } & Responsibility, EventType extends string, Event extends { readonly type: EventType; readonly meta: EventMeta }>(
  kind: ItemKind<State, Context, EventType, Event>,
  item: ItemRecord<State, Context>,
  actor: Actor,
  request: MoveRequest<State, EventType>,
  rules: ItemRulesContext,
  now: Date,
  facts: ItemFacts = {},
): Decision<State, Context, Event> {
  const edge =
    'to' in request ? kind.table.byTarget.get(item.state)?.get(request.to) : kind.table.byEvent.get(item.state)?.get(request.event);
  if (edge === undefined) {
    const closed = (kind.table.moves.get(item.state)?.length ?? 0) === 0;
    if (closed) return { ok: false, refusal: standardRefusal('item_closed') };
    return { ok: false, refusal: 'to' in request ? noSuchMove(kind.table, kind.stateLabels, item.state, request.to) : standardRefusal('move_not_allowed') };
  }

  // Who may make the move is asked before what it needs: a move this user may not make at all is refused as not
  // theirs to make, not as information missing that they could never give (an officer's drop on 已移送起诉 said
  // "缺少必填信息"). The guards that read nothing of the payload are asked here in the machine's order; the others below.
  for (const name of edge.guards) {
    const rule = kind.whoGuards[name];
    const refusal =
      name === 'campaignOpen' ? (rules.campaignConcluded ? standardRefusal('campaign_concluded') : null) : rule === undefined ? null : whoRuleRefusal(rule, actor, item.context);
    if (refusal !== null) return { ok: false, refusal };
  }
  // In a state only the office can end, the deadline is the office's too: said before what the payload lacks.
  const officesDeadline = awaitingOfficeDeadlineRefusal(kind, item.state, edge.event, actor, item.context);
  if (officesDeadline !== null) return { ok: false, refusal: officesDeadline };

  const payload = validatePayload(kind.payloadSchemas[edge.event], request.payload);
  if (!payload.ok) {
    return { ok: false, refusal: refuse(payload.missing ? 'payload_missing' : 'payload_invalid', payload.fields) };
  }
  const attached = kind.attachFacts(edge.event, payload.data, facts);
  if (!attached.ok) return attached;
  const extension = extensionOf(edge.event, payload.data, rules);
  if (extension !== null && 'refusal' in extension) return { ok: false, refusal: extension.refusal };

  const meta: EventMeta = {
    itemId: item.id,
    actor,
    at: now.toISOString(),
    dueAt: extension !== null && isExtension(edge.event) ? extension.dueAt : edge.keepsState ? item.context.dueAt : dueAtFor(edge.to, rules, now),
    campaignConcluded: rules.campaignConcluded,
  };
  // The event is assembled from a payload its schema has just validated; the
  // schemas and the Event union are declared side by side in the kind's model.
  // A request for an extension carries the due time it asks for, worked out here in the campaign's zone.
  const known = extension !== null && isExtensionRequest(edge.event) ? { ...attached.facts, requestedDueAt: extension.dueAt } : attached.facts;
  const event = (
    known === noFactsNeeded.facts ? { ...(payload.data as object), type: edge.event, meta } : { ...(payload.data as object), ...known, type: edge.event, meta }
  ) as unknown as Event;

  const next = kind.step(item.state, item.context, event);
  if (next === null) {
    for (const name of edge.guards) {
      const check = kind.checks[name];
      const refusal = check === undefined ? null : check(item.context, event);
      if (refusal !== null) return { ok: false, refusal };
    }
    return { ok: false, refusal: standardRefusal('move_not_allowed') };
  }
  // Allowed by the machine: a unit lead's extension is still within the campaign's limit for one state.
  const overLimit = isExtension(edge.event) ? leadExtensionRefusal(actor, rules, facts) : null;
  if (overLimit !== null) return { ok: false, refusal: overLimit };
  const ownRequest = edge.event.endsWith('.declineExtension') ? ownRequestRefusal(actor, item.context as WithExtensionRequest) : null;
  if (ownRequest !== null) return { ok: false, refusal: ownRequest };
  const ruled = kind.decisionChecks?.[edge.event]?.(item.context, event) ?? null;
  if (ruled !== null) return { ok: false, refusal: ruled };
  return {
    ok: true,
    from: item.state,
    to: next.state,
    state: next.state,
    context: next.context,
    version: item.version + 1,
    event,
    dueAt: next.context.dueAt,
  };
}
