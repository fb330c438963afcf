import type { Label } from '../../../engine/labels';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { Show, createSignal } from 'solid-js';
import { api, ApiProblem, type CampaignDetail, type EscalationWire } from '../api/client';
import { acknowledgeRequest } from '../../../api/contracts/escalations';
import { Field } from '../board/item-form';
import { serverErrors, type FieldErrors } from '../board/payload-fields';
import { overLimit, withLimit, type TextLimit } from '../ui/text-limit';
import { textMaxima } from '../ui/text-maxima';
import { messages, type MessageKey } from '../i18n/messages';
import { named, t, tr, trFilled } from '../i18n/i18n';
import { levelLabels, stateLabel } from '../board/domain-labels';
import { dateTime, dueDate } from '../ui/dates';
import { toast } from '../ui/toasts';

const statusKey: Record<EscalationWire['status'], MessageKey> = { open: 'statusOpen', acknowledged: 'statusAcknowledged', resolved: 'statusResolved' };
const recipientKey: Record<EscalationWire['recipient'], MessageKey> = { assignee: 'recipientAssignee', unitLead: 'recipientUnitLead', office: 'recipientOffice' };

export { statusKey as escalationStatusKey };

/** The note an acknowledgement may carry, as long as its contract takes it (text-maxima.test.ts holds it to one). */
const noteLimit: TextLimit = { name: 'note', noun: messages.acknowledgeNoteNoun, max: textMaxima(acknowledgeRequest).note ?? Number.POSITIVE_INFINITY };

/** One escalation: its rung, the item, unit, due, status; acknowledge with a note; click to show the item. */
export function InboxRow(props: { item: EscalationWire; campaign: CampaignDetail; onShow: (item: EscalationWire) => void; onAcknowledged: () => void }) {
  const [noting, setNoting] = createSignal(false);
  const [note, setNote] = createSignal('');
  // The note's fault: past its limit as it is typed (all of it kept), or the server's word on it, until typed again.
  const [refused, setRefused] = createSignal<FieldErrors>({});
  const errors = () => withLimit(refused(), noteLimit, note());
  const [busy, setBusy] = createSignal(false);
  let noteBox: HTMLTextAreaElement | undefined;
  const unitName = () => {
    const unit = props.campaign.units.find((u) => u.id === props.item.unitId);
    return unit === undefined ? (props.item.unitId ?? '—') : named(unit);
  };
  const subjectTitle = () => (props.item.subject === 'campaign' ? t('campaignSubject') : (props.item.title ?? `#${props.item.subjectId}`));
  const stateText = () => {
    const subject = props.item.subject;
    if (subject !== 'campaign') return tr(stateLabel(subject, props.item.state));
    const labels: Record<string, Label> = campaignStateLabels;
    return tr(labels[props.item.state] ?? { zh: props.item.state, en: props.item.state });
  };

  async function acknowledge(event: SubmitEvent) {
    event.preventDefault();
    if (overLimit(noteLimit, note()) !== null) {
      noteBox?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.acknowledge(props.item.id, note());
      toast(() => t('acknowledged'), 'info');
      setNoting(false);
      props.onAcknowledged();
      focusAfterAcknowledged(props.item.id);
    } catch (error) {
      if (error instanceof ApiProblem) {
        // A refusal naming the note marks it (the toast's "see the field marked" points there), the note kept to correct.
        setRefused(serverErrors(error.fields));
        toast(() => tr(error.reason));
        if (error.fields.length > 0) noteBox?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class={`inbox-row level-${props.item.level}`} data-testid={`escalation-${props.item.id}`} data-status={props.item.status}>
      <div class="inbox-row-main">
        <span class={`level-badge level-${props.item.level}`}>{tr(levelLabels[props.item.level] ?? { zh: '', en: '' })}</span>
        {/* Its item stands higher now (raised to the office): said beside this rung, which read as all there was. */}
        <Show when={props.item.raisedTo}>
          {(top) => (
            <span class={`level-text-${top()} inbox-raised`} data-testid="escalation-raised">
              {trFilled(messages.inboxRaisedTo, { level: tr(levelLabels[top()] ?? { zh: '', en: '' }) })}
            </span>
          )}
        </Show>
        <Show when={props.item.subject !== 'campaign'} fallback={<span class="inbox-title">{subjectTitle()}</span>}>
          <button type="button" class="inbox-title link" data-testid="escalation-show" title={t('showOnBoard')} onClick={() => props.onShow(props.item)}>
            <span class="card-id">#{props.item.subjectId}</span> {subjectTitle()}
          </button>
        </Show>
      </div>
      <div class="inbox-row-meta">
        <span class="chip chip-unit">{unitName()}</span>
        <span class="muted">{stateText()}</span>
        <span class={`level-text-${props.item.level}`}>
          {t('due')} {dueDate(props.item.dueAt, props.campaign.timeZone)}
        </span>
        <span class="muted">→ {t(recipientKey[props.item.recipient])}</span>
        <span class={`status-pill status-${props.item.status}`} data-testid="escalation-status">
          {t(statusKey[props.item.status])}
        </span>
      </div>
      <Show when={props.item.note}>{(text) => <p class="inbox-note">“{text()}”</p>}</Show>
      {/* Offered only to whoever may acknowledge it: the server says who (the person it was raised to, a lead it is routed to, the office). */}
      <Show when={props.item.status === 'open' && props.item.mayAcknowledge}>
        <Show
          when={noting()}
          fallback={
            <button type="button" class="button small" data-testid="acknowledge" onClick={() => setNoting(true)}>
              {t('acknowledge')}
            </button>
          }
        >
          <form class="inbox-ack" onSubmit={acknowledge}>
            <Field name="note" label={t('note')} errors={errors()} limit={{ text: note(), max: noteLimit.max }}>
              <textarea
                name="note"
                rows={2}
                value={note()}
                aria-invalid={errors().note !== undefined}
                onInput={(e) => {
                  setNote(e.currentTarget.value);
                  setRefused({});
                }}
                ref={(el) => {
                  noteBox = el;
                  queueMicrotask(() => el.focus());
                }}
              />
            </Field>
            <div class="inbox-ack-buttons">
              <button type="button" class="button small" onClick={() => setNoting(false)} disabled={busy()}>
                {t('cancel')}
              </button>
              <button type="submit" class="button primary small" data-testid="acknowledge-submit" disabled={busy()}>
                {busy() ? t('submitting') : t('acknowledge')}
              </button>
            </div>
          </form>
        </Show>
      </Show>
      <Show when={props.item.acknowledgedAt}>
        {(at) => (
          <span class="muted inbox-acked">
            {/* Beside the status pill that says 已签收 already: when. */}
            {t('acknowledgedOn')} {dateTime(at(), props.campaign.timeZone)}
          </span>
        )}
      </Show>
    </li>
  );
}

/** How many frames the list read again after an acknowledgement is waited for: about two seconds. */
const framesToWait = 120;

/**
 * The keyboard after an acknowledgement sent from its form, which goes with it: held at the tab shown while the list
 * is read again (left on the page's body, the board took it for a card's lost focus and put it on a card), then at
 * the row's item once the list shows it 已签收 (a screen reader says the row), and again there while the list is read
 * anew in the next moments (the inbox's counts follow the change, and each read draws its rows afresh); left at the
 * tab when the row has left the list (未签收 only). Nothing once the user has put the focus somewhere else.
 */
function focusAfterAcknowledged(id: number): void {
  const tab = document.querySelector<HTMLElement>('[data-testid=inbox] [role=tab][aria-selected=true]');
  tab?.focus();
  let frames = 0;
  const step = () => {
    const active = document.activeElement;
    const row = document.querySelector<HTMLElement>(`[data-testid=escalation-${id}]`);
    const item = row?.querySelector<HTMLElement>('[data-testid=escalation-show]') ?? null;
    const held = active === null || active === document.body || active === tab || (active === item && item !== null);
    if (!held) return;
    if (row !== null && row.dataset.status !== 'open' && active !== item) item?.focus();
    if ((frames += 1) < framesToWait) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

