import type { Label } from '../../../engine/labels';
import { api, type CampaignDetail, type ItemDetail } from '../api/client';
import { t, trFilled, unitNamed } from '../i18n/i18n';
import { messages, type MessageKey } from '../i18n/messages';
import { ExtendForm } from '../deadlines/extend-form';
import { extensionRequestOf, type AskedExtension } from '../deadlines/extension-request';
import { extensionMessages, xm } from '../deadlines/messages';
import { me } from '../session/session';
import { calendarDay } from '../ui/dates';
import type { DraftedForm } from './drafted-forms';
import type { FieldsDraft } from './drafts';
import type { FieldErrors } from './payload-fields';
import { MergeForm } from './merge-form';
import { ReasonForm, TransferForm } from './reason-forms';

/** What the toast says of a request that worked. */
export type Done = MessageKey | Label | (() => string);

/**
 * What the drawer lends each of its forms: the item and campaign, whether a
 * request is on its way and how the last one was refused, and how to send
 * one (see DetailActions' `run`: the request must hold its body as sent, as
 * it may be sent again) and to cancel, throwing the form's draft away.
 */
export interface ActionKit {
  readonly item: () => ItemDetail;
  readonly campaign: () => CampaignDetail;
  readonly now: () => string;
  /**
   * The item's version as the form was opened on: the one its request is sent with, so that the server refuses it
   * over someone else's change meanwhile (the drawer then says what they did, and the form goes on from it).
   */
  readonly version: () => number;
  readonly busy: () => boolean;
  readonly problem: () => Label | null;
  readonly errors: () => FieldErrors;
  readonly setErrors: (errors: FieldErrors) => void;
  readonly run: (request: () => Promise<unknown>, done: Done, states: readonly string[], changed?: (states: readonly string[]) => void) => Promise<void>;
  readonly draft: (form: DraftedForm) => FieldsDraft;
  readonly cancel: (form: DraftedForm) => () => void;
  /** The item left this user's sight by their own change (see DetailActions' `onLeft`). */
  readonly onLeft: (states: readonly string[]) => void;
  readonly onChanged: (states: readonly string[]) => void;
  /** Whether the reader still sees an item of this unit. */
  readonly inSight: (unitId: string) => boolean;
}

/**
 * What every drafted form takes of the drawer alike: whether it is sending, how it was refused, its draft and its
 * cancel. Getters, so that the form, given them spread, reads them as they change.
 */
function formProps(kit: ActionKit, form: DraftedForm) {
  return {
    get busy() {
      return kit.busy();
    },
    get problem() {
      return kit.problem();
    },
    get errors() {
      return kit.errors();
    },
    onErrors: kit.setErrors,
    onCancel: kit.cancel(form),
    draft: kit.draft(form),
  };
}

/** To another unit, with a reason; out of the reader's units, the drawer closes rather than saying the item is gone. */
export function TransferAction(props: { kit: ActionKit }) {
  const kit = props.kit;
  return (
    <TransferForm
      campaign={kit.campaign()}
      fromUnitId={kit.item().unitId}
      {...formProps(kit, 'transfer')}
      onTransfer={(unitId, reason) => {
        const item = kit.item();
        const body = { version: kit.version(), unitId, reason };
        void kit.run(
          () => api.transfer(item.kind, item.id, body),
          () => trFilled(messages.transferredTo, { unit: unitNamed(kit.campaign().units, unitId) }),
          [item.state],
          kit.inSight(unitId) ? kit.onChanged : kit.onLeft,
        );
      }}
    />
  );
}

/**
 * More time: given by whoever may extend (`extend`; granting a request starts from the day it asked), or asked for
 * (`ask`); mounted for one mode. A grant answers the request that waited when it was chosen: answered or replaced
 * meanwhile (the office declined it, its asker asked again), the form says so and sends nothing. Sent on the version
 * the live stream had brought, the grant was taken as an extension of its own, over the office's refusal, unsaid.
 */
export function ExtensionAction(props: { kit: ActionKit; mode: 'extend' | 'ask'; granting: AskedExtension | null }) {
  const kit = props.kit;
  const asked = () => extensionRequestOf(kit.item());
  // By its time and its day: a request asked again within the same instant as the first (a clock that stands still) is another one still.
  const grantOvertaken = () => props.granting !== null && (asked()?.at !== props.granting.at || asked()?.until !== props.granting.until);
  // Replaced by a request asked again: the day now asked is said, not a list of all that might have happened.
  const overtaken = (): Label | null => {
    if (!grantOvertaken()) return null;
    const again = asked();
    if (again === null) return extensionMessages.grantOvertaken;
    const said = xm('grantAskedAgain', { date: calendarDay(again.until) });
    return { zh: said, en: said };
  };
  return (
    <ExtendForm
      mode={props.mode}
      // Asked again while a request waits: it starts from that request, which this one replaces (an empty form replaced it unsaid).
      initialUntil={props.mode === 'ask' ? asked()?.until : props.granting?.until}
      initialReason={props.mode === 'ask' ? asked()?.reason : props.granting?.reason}
      overtaken={overtaken()}
      item={kit.item()}
      campaign={kit.campaign()}
      now={kit.now()}
      {...formProps(kit, props.mode)}
      onExtend={(body) => {
        const item = kit.item();
        const request = { version: kit.version(), ...body };
        // A grant names the request it answers, so the server too refuses it once that request no longer waits
        // (answered or replaced between this check and its arrival).
        const granted = props.granting;
        void (props.mode === 'ask'
          ? kit.run(() => api.askExtension(item.kind, item.id, request), extensionMessages.asked, [item.state])
          : kit.run(() => api.extend(item.kind, item.id, granted === null ? request : { ...request, answering: { askedAt: granted.at } }), extensionMessages.done, [item.state]));
      }}
    />
  );
}

/** A request for more time declined, with a reason. */
export function DeclineAction(props: { kit: ActionKit }) {
  const kit = props.kit;
  return (
    <ReasonForm
      testId="decline-form"
      title={xm('decline')}
      label={xm('declineReason')}
      submitLabel={xm('decline')}
      noun={extensionMessages.declineReasonNoun}
      {...formProps(kit, 'decline')}
      onReason={(reason) => {
        const item = kit.item();
        const body = { version: kit.version(), reason };
        void kit.run(() => api.declineExtension(item.kind, item.id, body), extensionMessages.declined, [item.state]);
      }}
    />
  );
}

/** A typical case withdrawn, with a reason. */
export function UntypicalAction(props: { kit: ActionKit }) {
  const kit = props.kit;
  return (
    <ReasonForm
      testId="untypical-form"
      title={t('withdrawTypical')}
      label={t('reason')}
      submitLabel={t('withdrawTypical')}
      {...formProps(kit, 'untypical')}
      onReason={(reason) => {
        const item = kit.item();
        const body = { version: kit.version(), reason };
        void kit.run(() => api.withdrawTypical(item.id, body), 'typicalWithdrawn', [item.state]);
      }}
    />
  );
}

/** A clue merged into another (a move to `merged`, naming its target), once the user has seen that target and confirmed. */
export function MergeAction(props: { kit: ActionKit }) {
  const kit = props.kit;
  return (
    <MergeForm
      source={kit.item()}
      reader={{ mayCrossUnits: me()?.role === 'office' }}
      units={kit.campaign().units}
      lookUp={(id) => api.item('clue', id)}
      {...formProps(kit, 'merge')}
      onMerge={(targetId, reason) => {
        const item = kit.item();
        const body = { to: 'merged', version: kit.version(), payload: { targetId, ...(reason !== null && { reason }) } };
        void kit.run(() => api.move('clue', item.id, body), 'merged', [item.state, 'merged']);
      }}
    />
  );
}
