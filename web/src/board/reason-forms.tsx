import { For, createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail } from '../api/client';
import { named, t } from '../i18n/i18n';
import { messages } from '../i18n/messages';
import { ActionFooter } from './action-footer';
import type { FieldsDraft } from './drafts';
import { overLimit, withLimit, type TextLimit } from '../ui/text-limit';
import { Field } from './item-form';
import type { FieldErrors } from './payload-fields';

/**
 * The drawer's small forms of a change with a reason: a transfer to another
 * unit, a typical case withdrawn, a request for more time declined, a clue
 * merged into another. Each starts from its draft (what was typed on this
 * item and not sent: a session that ran out at the submit, a drawer closed)
 * and keeps what is typed; the drawer sends, and drops the draft once sent
 * or cancelled. The merge form, which looks its target up, is merge-form.tsx.
 */
export interface FormProps {
  busy: boolean;
  problem: Label | null;
  errors: FieldErrors;
  onErrors: (errors: FieldErrors) => void;
  onCancel: () => void;
  draft: FieldsDraft;
}

export const invalidIn = (errors: FieldErrors, name: string) => errors[name] !== undefined;

/** A form's text fields, started from its draft and kept in it as each is typed: `set(name)` is a field's input handler. */
export function keptFields<N extends string>(draft: FieldsDraft, names: readonly N[]) {
  const kept = draft.read();
  const [fields, setFields] = createSignal(Object.fromEntries(names.map((name) => [name, kept?.[name] ?? ''])) as Record<N, string>);
  return {
    fields,
    set: (name: N) => (text: string) => draft.keep(setFields((now) => ({ ...now, [name]: text }))),
  };
}

/** Each form's reason as the server holds it (api/contracts/items.ts, typical-cases.ts; a merge's in the clue's payload). */
const reasonLimit = (noun: Label): TextLimit => ({ name: 'reason', noun, max: 4000 });

/** A form's reason, kept as it is typed: all of it, said to be past its limit if it is (see text-limit.ts). */
export function ReasonField(props: { label: string; noun?: Label; errors: FieldErrors; value: string; onText: (text: string) => void }) {
  const errors = () => withLimit(props.errors, reasonLimit(props.noun ?? messages.reasonNoun), props.value);
  return (
    <Field name="reason" label={props.label} errors={errors()} limit={{ text: props.value, max: 4000 }}>
      <textarea name="reason" rows={2} value={props.value} aria-invalid={invalidIn(errors(), 'reason')} onInput={(e) => props.onText(e.currentTarget.value)} />
    </Field>
  );
}

/** A reason's fault to say at the submit: none typed where one is needed, or more than its limit. */
export function reasonFault(reason: string, noun: Label, required: boolean): Label | null {
  if (required && reason.trim() === '') return messages.required;
  return overLimit(reasonLimit(noun), reason);
}

/** A transfer to another unit of the campaign (not retired, not the item's own), with the reason. */
export function TransferForm(props: FormProps & { campaign: CampaignDetail; fromUnitId: string; onTransfer: (unitId: string, reason: string) => void }) {
  const { fields, set } = keptFields(props.draft, ['unitId', 'reason']);
  function submit(event: SubmitEvent) {
    event.preventDefault();
    const early: Record<string, Label> = {};
    if (fields().unitId === '') early.unitId = messages.required;
    const reason = reasonFault(fields().reason, messages.reasonNoun, true);
    if (reason !== null) early.reason = reason;
    props.onErrors(early);
    if (Object.keys(early).length === 0) props.onTransfer(fields().unitId, fields().reason.trim());
  }
  return (
    <form class="action-form" data-testid="transfer-form" onSubmit={submit} novalidate>
      <h4>{t('transferTitle')}</h4>
      <Field name="unitId" label={t('unitId')} errors={props.errors}>
        <select
          name="unitId"
          value={fields().unitId}
          aria-invalid={invalidIn(props.errors, 'unitId')}
          onChange={(e) => set('unitId')(e.currentTarget.value)}
        >
          <option value="">{t('choose')}</option>
          <For each={props.campaign.units.filter((u) => !u.retired && u.id !== props.fromUnitId)}>{(unit) => <option value={unit.id}>{named(unit)}</option>}</For>
        </select>
      </Field>
      <ReasonField label={t('reason')} errors={props.errors} value={fields().reason} onText={set('reason')} />
      <ActionFooter busy={props.busy} problem={props.problem} label={t('transfer')} onCancel={props.onCancel} />
    </form>
  );
}

/**
 * A change whose one field is its required reason: a typical case withdrawn, a request for more time declined (the
 * reason its asker reads).
 */
export function ReasonForm(props: FormProps & { testId: string; title: string; label: string; noun?: Label; submitLabel: string; onReason: (reason: string) => void }) {
  const { fields, set } = keptFields(props.draft, ['reason']);
  function submit(event: SubmitEvent) {
    event.preventDefault();
    const fault = reasonFault(fields().reason, props.noun ?? messages.reasonNoun, true);
    if (fault !== null) {
      props.onErrors({ reason: fault });
      return;
    }
    props.onReason(fields().reason.trim());
  }
  return (
    <form class="action-form" data-testid={props.testId} onSubmit={submit} novalidate>
      <h4>{props.title}</h4>
      <ReasonField label={props.label} noun={props.noun} errors={props.errors} value={fields().reason} onText={set('reason')} />
      <ActionFooter busy={props.busy} problem={props.problem} label={props.submitLabel} onCancel={props.onCancel} />
    </form>
  );
}
