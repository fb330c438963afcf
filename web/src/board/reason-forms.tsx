import { For, createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail } from '../api/client';
import { named, t } from '../i18n/i18n';
import { messages } from '../i18n/messages';
import { ActionFooter } from './action-footer';
import type { FieldsDraft } from './drafts';
import { Field } from './item-form';
import type { FieldErrors } from './payload-fields';

/**
 * The drawer's small forms of a change with a reason: a transfer to another
 * unit, a typical case withdrawn, a request for more time declined, a clue
 * merged into another. Each starts from its draft (what was typed on this
 * item and not sent: a session that ran out at the submit, a drawer closed)
 * and keeps what is typed; the drawer sends, and drops the draft once sent
 * or cancelled.
 */
interface FormProps {
  busy: boolean;
  problem: Label | null;
  errors: FieldErrors;
  onErrors: (errors: FieldErrors) => void;
  onCancel: () => void;
  draft: FieldsDraft;
}

const invalidIn = (errors: FieldErrors, name: string) => errors[name] !== undefined;

/** A form's text fields, started from its draft and kept in it as each is typed: `set(name)` is a field's input handler. */
function keptFields<N extends string>(draft: FieldsDraft, names: readonly N[]) {
  const kept = draft.read();
  const [fields, setFields] = createSignal(Object.fromEntries(names.map((name) => [name, kept?.[name] ?? ''])) as Record<N, string>);
  return {
    fields,
    set: (name: N) => (text: string) => draft.keep(setFields((now) => ({ ...now, [name]: text }))),
  };
}

/** A form's reason, kept as it is typed. */
function ReasonField(props: { label: string; errors: FieldErrors; value: string; onText: (text: string) => void; maxLength?: number }) {
  return (
    <Field name="reason" label={props.label} errors={props.errors}>
      <textarea name="reason" rows={2} maxLength={props.maxLength} value={props.value} aria-invalid={invalidIn(props.errors, 'reason')} onInput={(e) => props.onText(e.currentTarget.value)} />
    </Field>
  );
}

/** A transfer to another unit of the campaign (not retired, not the item's own), with the reason. */
export function TransferForm(props: FormProps & { campaign: CampaignDetail; fromUnitId: string; onTransfer: (unitId: string, reason: string) => void }) {
  const { fields, set } = keptFields(props.draft, ['unitId', 'reason']);
  function submit(event: SubmitEvent) {
    event.preventDefault();
    const early: Record<string, Label> = {};
    if (fields().unitId === '') early.unitId = messages.required;
    if (fields().reason.trim() === '') early.reason = messages.required;
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
export function ReasonForm(props: FormProps & { testId: string; title: string; label: string; submitLabel: string; maxLength?: number; onReason: (reason: string) => void }) {
  const { fields, set } = keptFields(props.draft, ['reason']);
  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (fields().reason.trim() === '') {
      props.onErrors({ reason: messages.required });
      return;
    }
    props.onReason(fields().reason.trim());
  }
  return (
    <form class="action-form" data-testid={props.testId} onSubmit={submit} novalidate>
      <h4>{props.title}</h4>
      <ReasonField label={props.label} errors={props.errors} value={fields().reason} maxLength={props.maxLength} onText={set('reason')} />
      <ActionFooter busy={props.busy} problem={props.problem} label={props.submitLabel} onCancel={props.onCancel} />
    </form>
  );
}

/** A clue merged into another, by its number, with a reason if the user gives one. */
export function MergeForm(props: FormProps & { onMerge: (targetId: number, reason: string | null) => void }) {
  const { fields, set } = keptFields(props.draft, ['targetId', 'reason']);
  function submit(event: SubmitEvent) {
    event.preventDefault();
    const target = Number(fields().targetId);
    if (!Number.isInteger(target) || target <= 0) {
      // Left empty, it is needed, as every form says of such a field; 0 or 1.5 are not clue numbers.
      props.onErrors({ targetId: fields().targetId.trim() === '' ? messages.required : messages.invalid });
      return;
    }
    props.onMerge(target, fields().reason.trim() === '' ? null : fields().reason.trim());
  }
  return (
    <form class="action-form" data-testid="merge-form" onSubmit={submit} novalidate>
      <h4>{t('mergeTitle')}</h4>
      <Field name="targetId" label={t('targetId')} errors={props.errors}>
        <input
          name="targetId"
          type="number"
          inputMode="numeric"
          min="1"
          value={fields().targetId}
          aria-invalid={invalidIn(props.errors, 'targetId')}
          onInput={(e) => set('targetId')(e.currentTarget.value)}
        />
      </Field>
      <ReasonField label={t('reason')} errors={props.errors} value={fields().reason} onText={set('reason')} />
      <ActionFooter busy={props.busy} problem={props.problem} label={t('merge')} onCancel={props.onCancel} />
    </form>
  );
}
