import { createSignal, Show } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { hasUnitInScope } from '../../../engine/actor';
import { api, ApiProblem, type CampaignDetail, type ItemDetail, type ItemKind, type UserSummary } from '../api/client';
import { t, tr } from '../i18n/i18n';
import { me } from '../session/session';
import { checkItem, Field, isClueSource, isProblemKind, ItemFields, nullableId, type ItemField, type ItemValues } from './item-form';
import { localInputValue, zonedInstant } from '../reports/format';
import { reasonBesideFields, serverErrors, type FieldErrors } from './payload-fields';
import { DuplicateHint } from '../intake/duplicate-hint';
import { DiscardingCancel, DraftRestored } from './draft-controls';
import { draftValues, keepDraft, readDraft } from './drafts';
import { useModalKeys } from '../ui/modal-keys';
import { focusFirstMarked } from '../ui/first-marked';

/** "+ 新建": records a new clue or problem in this campaign, in the user's own unit unless they choose another. */
export function CreateDialog(props: { kind: ItemKind; campaign: CampaignDetail; onCreated: (item: ItemDetail) => void; onCancel: () => void }) {
  // Offered: the units this user may create in (the office anywhere, others their unit and those below it),
  // and for an officer only themselves as assignee; the server refuses the rest with the field named.
  const user = me();
  const actor = user ? { userId: user.id, role: user.role, unitScope: user.unitScope } : null;
  // A retired unit takes no new work (the server refuses it too).
  const units = props.campaign.units.filter((unit) => !unit.retired && actor !== null && hasUnitInScope(actor, unit.id));
  const assignees = (person: UserSummary) => actor?.role !== 'officer' || person.id === actor.userId;
  const ownUnit = () => {
    // The office files for a unit, and chooses it: its own unit offered first filed a quick entry in the office.
    if (user?.role === 'office') return units.length === 1 ? (units[0]?.id ?? '') : '';
    const unit = user?.unitId;
    return unit !== undefined && units.some((u) => u.id === unit) ? unit : units.length === 1 ? (units[0]?.id ?? '') : '';
  };
  // An officer records what they found in their own unit as theirs to work: left unassigned, it was theirs to read only
  // (an officer works what is assigned to them), and they could not correct what they had just typed.
  const ownAssignee = (unitId: string) => (user?.role === 'officer' && unitId === user.unitId ? String(user.id) : '');
  const empty: ItemValues = { unitId: ownUnit(), assigneeId: ownAssignee(ownUnit()), title: '', description: '', categoryId: '', source: '', problemKind: '' };
  // What was typed here and not submitted, closed by Escape or a click beside the dialog (see drafts.ts).
  const draftOf = { newItem: { kind: props.kind, campaignId: props.campaign.id } };
  const restored = restoredValues(readDraft(user?.id ?? 0, draftOf), empty, (unitId) => units.some((u) => u.id === unitId));
  const [values, setValues] = createSignal<ItemValues>(restored ?? empty);
  const keep = (v: ItemValues | null) => keepDraft(user?.id ?? 0, draftOf, v === null || (v.title.trim() === '' && v.description.trim() === '') ? null : JSON.stringify(v));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  // When a clue was found, on the campaign's clock, as typed (YYYY-MM-DDTHH:mm); empty, now.
  const [foundAt, setFoundAt] = createSignal('');
  const [reason, setReason] = createSignal<Label | null>(null);
  const [busy, setBusy] = createSignal(false);
  let form: HTMLFormElement | undefined;

  const set = (name: ItemField, value: string) => {
    setValues((v) => ({ ...v, [name]: value, ...(name === 'unitId' ? { assigneeId: ownAssignee(value) } : {}) }));
    keep(values());
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== name)));
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const v = values();
    const found = foundAt() === '' ? null : zonedInstant(foundAt(), props.campaign.timeZone);
    // Half typed (a date without its time), the box holds no value the page can read: said, not taken for now.
    const unreadable = form?.querySelector<HTMLInputElement>('input[name=foundAt]')?.validity.badInput === true;
    const early = { ...checkItem(props.kind, v, true), ...(props.kind === 'clue' ? foundAtFault(foundAt(), found, unreadable) : {}) };
    setErrors(early);
    setReason(null);
    if (Object.keys(early).length > 0) return focusFirstError();
    const common = { campaignId: props.campaign.id, unitId: v.unitId, assigneeId: nullableId(v.assigneeId), title: v.title.trim(), description: v.description.trim(), categoryId: nullableId(v.categoryId) };
    setBusy(true);
    try {
      const created =
        props.kind === 'clue'
          ? await api.createClue({ ...common, source: isClueSource(v.source) ? v.source : 'other', ...(found === null ? {} : { foundAt: found }) })
          : await api.createProblem({ ...common, problemKind: isProblemKind(v.problemKind) ? v.problemKind : 'other' });
      keep(null);
      props.onCreated(created);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setReason(reasonBesideFields(error.reason, error.fields));
      setErrors(serverErrors(error.fields));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }

  function focusFirstError() {
    focusFirstMarked(form);
  }

  useModalKeys(() => form, { busy, onCancel: () => props.onCancel(), focusFirst: 'input[name=title]' });

  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && !busy() && props.onCancel()}>
      <form ref={form} class="modal modal-wide" role="dialog" aria-modal="true" aria-labelledby="create-dialog-title" data-testid="create-dialog" onSubmit={submit} novalidate>
        <header class="modal-header">
          <h2 id="create-dialog-title">{props.kind === 'clue' ? t('newClue') : t('newProblem')}</h2>
        </header>
        <div class="modal-body">
          <ItemFields kind={props.kind} campaign={props.campaign} values={values()} errors={errors()} withUnit units={units} assignees={assignees} set={set} />
          {/* A tip taken earlier (by telephone yesterday) was found then, as an import's 发现时间 says; left empty, now. */}
          <Show when={props.kind === 'clue'}>
            <div class="field-grid">
              <Field name="foundAt" label={t('foundAt')} errors={errors()} hint={tr(foundAtHint)}>
                <input
                  type="datetime-local"
                  name="foundAt"
                  value={foundAt()}
                  max={localInputValue(new Date().toISOString(), props.campaign.timeZone)}
                  aria-invalid={errors().foundAt !== undefined}
                  onInput={(e) => {
                    setFoundAt(e.currentTarget.value);
                    setErrors((all) => Object.fromEntries(Object.entries(all).filter(([key]) => key !== 'foundAt')));
                  }}
                />
              </Field>
            </div>
          </Show>
          {/* The same lead often arrives through two units: show clues sharing its phone numbers, accounts or URLs while it is typed. */}
          <Show when={props.kind === 'clue'}>
            <DuplicateHint campaignId={props.campaign.id} text={`${values().title}\n${values().description}`} />
          </Show>
          <Show when={reason()}>{(r) => <p class="form-error" role="alert">{tr(r())}</p>}</Show>
          <DraftRestored shown={restored !== null} />
        </div>
        <footer class="modal-footer">
          <DiscardingCancel busy={busy()} discard={() => keep(null)} onCancel={props.onCancel} />
          <button type="submit" class="button primary" disabled={busy()} data-testid="create-submit">
            {busy() ? t('submitting') : t('confirm')}
          </button>
        </footer>
      </form>
    </div>
  );
}

const foundAtHint: Label = { zh: '留空即为现在；此前接报的线索（如昨日电话举报）填接报时间', en: 'Left empty, now; for a tip taken earlier (a call yesterday), when it was taken' };

/** What the found time typed says wrong before anything is sent: a time the browser could not read, or one to come (the server refuses it too). */
function foundAtFault(typed: string, found: string | null, unreadable: boolean): FieldErrors {
  if (unreadable || (typed !== '' && found === null)) return { foundAt: { zh: '请填写完整的日期和时间', en: 'Enter a whole date and time' } };
  if (found === null) return {};
  return Date.parse(found) > Date.now() ? { foundAt: { zh: '发现时间不能晚于现在', en: 'The time found cannot be in the future' } } : {};
}

/** A kept draft's values over the empty form's: only its text fields, and its unit only if still offered. */
function restoredValues(text: string | null, empty: ItemValues, offered: (unitId: string) => boolean): ItemValues | null {
  const kept = draftValues(text);
  if (kept === null) return null;
  const values = Object.fromEntries((Object.keys(empty) as ItemField[]).map((name) => [name, kept[name] ?? empty[name]])) as Record<ItemField, string>;
  // A unit no longer offered (the user moved, or it was retired) goes, and its assignee with it.
  return offered(values.unitId) ? values : { ...values, unitId: empty.unitId, assigneeId: '' };
}
