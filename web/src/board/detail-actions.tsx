import { For, Match, Show, Switch, createEffect, createMemo, createSignal, on } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail, ItemDetail } from '../api/client';
import { t, tr } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { toast } from '../ui/toasts';
import type { ItemField } from './item-form';
import { me } from '../session/session';
import { readerScope } from '../ui/reader-scope';
import { fieldsDraft, textDraft } from './drafts';
import { DeclineAction, ExtensionAction, MergeAction, TransferAction, UntypicalAction, type ActionKit, type Done } from './drafted-actions';
import { draftedForms, type DraftedForm } from './drafted-forms';
import { focusFirstInvalid, formFocus } from './form-focus';
import { formBaseOf } from './form-base';
import { formSender, type Action } from './form-sender';
import { EditAction, NoteAction, TypicalAction } from './written-actions';
import { typicalOf } from './typical-case';
import { asksForMoreTime, extensionBounds, extensionPossible } from '../deadlines/extension-dates';
import { extensionMessages } from '../deadlines/messages';
import { ExtensionRequestNotice, extensionRequestOf, type AskedExtension } from '../deadlines/extension-request';

// The forms kept as drafts of their fields (drafted-actions.tsx), in the order one is reopened. The predicate keeps them
// actions of this drawer: TypeScript refuses one whose type is not its parameter's.
const isDrafted = (action: Action | null): action is DraftedForm => (draftedForms as readonly (Action | null)[]).includes(action);

/**
 * What a user who works items can do from the detail panel besides moving
 * it: write a work note, edit fields and the assignee, transfer to another
 * unit (with a reason), merge a clue into another. Only what the server says
 * this user may do to this item (`changes`, `allowed`) is offered; the
 * server still judges each request, and its reasons show next to the fields.
 * How a form is sent and what a lost answer or a refusal does is form-sender.ts;
 * what someone else's change meanwhile does to the open form, form-base.ts.
 */
export function DetailActions(props: {
  item: ItemDetail;
  campaign: CampaignDetail;
  now: string;
  onChanged: (states: readonly string[]) => void;
  /** The item left this user's sight by their own change (a transfer out of their units): what it was in is read again, and the item is shown no more. */
  onLeft: (states: readonly string[]) => void;
}) {
  const [action, setAction] = createSignal<Action | null>(null);
  const [noteText, setNoteText] = createSignal('');
  const [summaryText, setSummaryText] = createSignal('');
  const userId = () => me()?.id ?? 0;
  // And what the other forms hold, field by field: a session that runs out as one is sent (signed in again, the
  // drawer opens on the same card) or a drawer closed by a stray Escape loses nothing typed.
  const formDraft = (form: DraftedForm) => fieldsDraft(userId, () => ({ form: { kind: props.item.kind, id: props.item.id, action: form } }));
  // The note being written to this item, kept until sent (see drafts.ts); the typical-case summary the same way:
  // a summary for publication is worth not typing twice.
  const draft = textDraft(userId, () => ({ note: { kind: props.item.kind, id: props.item.id } }));
  const summaryDraft = textDraft(userId, () => ({ typical: { id: props.item.id } }));
  const form = formBaseOf({
    item: () => props.item,
    editing: () => action() === 'edit',
    units: () => props.campaign.units,
    editDraft: () => formDraft('edit'),
    setProblem: (problem) => sender.setProblem(problem),
  });
  const sender = formSender<Done>({
    item: () => props.item,
    action,
    version: () => form.base().version,
    onChanged: (states) => props.onChanged(states),
    sent: (sent) => {
      const done = sent.done;
      toast(() => (typeof done === 'function' ? done() : typeof done === 'string' ? t(done) : tr(done)), 'info');
      if (isDrafted(sent.action)) formDraft(sent.action).drop();
      closeForm();
    },
    rebaseEdit: form.rebaseEdit,
    refused: form.refuse,
  });
  const { errors, setErrors, setProblem } = sender;
  const mayMerge = () => props.item.kind === 'clue' && props.item.allowed.some((m) => m.to === 'merged');
  // What the server says this user may do to this item now; the rest is not offered.
  const may = (change: 'note' | 'edit' | 'assign' | 'transfer' | 'extend' | 'declineExtension' | 'markTypical' | 'unmarkTypical') => props.item.changes.includes(`${props.item.kind}.${change}`);
  const typical = () => typicalOf(props.item);
  const mayEdit = () => may('edit') || may('assign');
  const laterDayLeft = () => extensionPossible(extensionBounds(props.item, props.now, props.campaign.endsOn, props.campaign.timeZone));
  // The request a lead grants, as it waited when they chose to grant it: the form starts from its day, and says so if
  // it is answered or replaced meanwhile (see ExtensionAction).
  const [granting, setGranting] = createSignal<AskedExtension | null>(null);
  const grant = () => {
    setGranting(extensionRequestOf(props.item));
    form.open();
    setAction('extend');
    setErrors({});
    setProblem(null);
    focusForm();
  };
  let section: HTMLElement | undefined;
  const focus = formFocus(() => section);
  const focusForm = () => focus.opened();
  /** Closes the form (sent or cancelled), the focus back where it came from (see formFocus). */
  const closeForm = () => focus.closed(() => setAction(null));
  createEffect(on(errors, (now, before) => focusFirstInvalid(() => section, now, before), { defer: true }));
  const buttons: readonly { action: Action; label: MessageKey | Label; shown: () => boolean }[] = [
    { action: 'note', label: 'addNote', shown: () => may('note') },
    { action: 'edit', label: 'edit', shown: mayEdit },
    { action: 'transfer', label: 'transfer', shown: () => may('transfer') },
    // Not once due on the campaign's last day: there is no later day to give. Whoever may extend does; whoever works the item asks.
    { action: 'extend', label: extensionMessages.extend, shown: () => may('extend') && laterDayLeft() },
    { action: 'ask', label: extensionMessages.ask, shown: () => asksForMoreTime(props.item) && laterDayLeft() },
    { action: 'merge', label: 'merge', shown: mayMerge },
    { action: 'typical', label: 'markTypical', shown: () => may('markTypical') && typical() === null },
    { action: 'typical', label: 'reviseTypical', shown: () => may('markTypical') && typical() !== null },
    { action: 'untypical', label: 'withdrawTypical', shown: () => may('unmarkTypical') && typical() !== null },
  ];

  const offered = (drafted: DraftedForm) =>
    drafted === 'decline' ? may('declineExtension') && extensionRequestOf(props.item) !== null : buttons.some((button) => button.action === drafted && button.shown());
  /** Fills the edit form from its draft, if it has one (the other forms read theirs themselves). */
  const restore = (drafted: DraftedForm) => {
    if (drafted === 'edit') form.restoreEdit();
  };
  // The drawer stays open from card to card: each card opens with its own unfinished note (or else summary), or with nothing open.
  // The same card read again (someone else moved or changed it) is not another card: `on` alone runs again for every
  // new item object, which closed a half-typed edit (or transfer, or extension) whenever the card changed elsewhere.
  const itemKey = createMemo(() => `${props.item.kind}:${props.item.id}`);
  createEffect(
    on(itemKey, () => {
      const unfinished = draft.read() ?? '';
      const unfinishedSummary = props.item.kind === 'clue' ? summaryDraft.read() : null;
      setNoteText(unfinished);
      setSummaryText(unfinishedSummary ?? '');
      setErrors({});
      setProblem(null);
      sender.forget();
      form.open();
      const drafted = draftedForms.find((each) => offered(each) && formDraft(each).read() !== null);
      setAction(unfinished !== '' && may('note') ? 'note' : unfinishedSummary !== null && may('markTypical') ? 'typical' : (drafted ?? null));
      if (drafted !== undefined && action() === drafted) restore(drafted);
    }),
  );

  createEffect(
    on(
      () => props.item,
      (now) => {
        // Perhaps by the request whose answer was lost: asked again before anything is said of it.
        if (!sender.resendIfChanged(now)) form.rebase(now);
      },
      { defer: true },
    ),
  );

  const choose = (next: Action) => {
    sender.forget();
    setAction(action() === next ? null : next);
    if (action() !== null) focusForm();
    setGranting(null);
    setNoteText(draft.read() ?? '');
    setSummaryText(summaryDraft.read() ?? typical()?.summary ?? '');
    form.open();
    setErrors({});
    setProblem(null);
    const opened = action();
    if (isDrafted(opened)) restore(opened);
  };
  // Cancel on a drafted form is the user's own choice to throw the draft away; closing the drawer keeps it.
  const cancelDropping = (kept: { drop: () => void }) => () => {
    kept.drop();
    closeForm();
  };
  const typedInEdit = (name: ItemField, value: string) => {
    // Typed on after the answer was lost: what is sent next is this, not the request sent before.
    sender.forget();
    form.type(name, value);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== name)));
  };

  /** Whether the reader still sees an item of this unit (see readerScope). */
  const inSight = (unitId: string) => readerScope(me())?.has(unitId) ?? true;

  /** What the forms' wiring (drafted-actions.tsx, written-actions.tsx) uses of this drawer. */
  const kit: ActionKit = {
    item: () => props.item,
    campaign: () => props.campaign,
    now: () => props.now,
    version: () => form.base().version,
    busy: sender.busy,
    problem: sender.problem,
    errors,
    setErrors,
    run: (request, done, states, changed) => sender.run(request, done, states, changed),
    draft: formDraft,
    cancel: (drafted) => cancelDropping(formDraft(drafted)),
    onChanged: (states) => props.onChanged(states),
    onLeft: (states) => props.onLeft(states),
    inSight,
  };

  return (
    // Kept while a form is open, though someone else's change left no action (a clue merged elsewhere): it unmounted,
    // taking what was typed with it; sent, it is refused and says what the other did, as any form's is.
    <Show
      when={buttons.some((button) => button.shown()) || action() !== null}
      fallback={
        // An officer works only what is assigned to them: said, where the drawer of one of their unit's items showed no
        // actions at all, as if something had failed (one they had just created and left unassigned, among them).
        <Show when={me()?.role === 'officer' && props.item.assigneeId !== me()?.id}>
          <p class="muted detail-not-yours" data-testid="not-yours">
            {t('notYours')}
          </p>
        </Show>
      }
    >
      {/* Escape with a form open (in it, or on its button) closes the form, its text kept as a draft where it has one; the
          drawer closes at the next. A native
          listener, so that stopping it here keeps it from the drawer's own on the document. */}
      <section
        ref={section}
        class="detail-actions"
        data-testid="detail-actions"
        on:keydown={(event) => {
          if (event.key !== 'Escape' || action() === null) return;
          event.stopPropagation();
          closeForm();
        }}
      >
        <h3>{t('actions')}</h3>
        <ExtensionRequestNotice item={props.item} timeZone={props.campaign.timeZone} mayGrant={may('extend')} mayDecline={may('declineExtension')} onGrant={grant} onDecline={() => choose('decline')} />
        <div class="action-buttons">
          <For each={buttons}>
            {(button) => (
              <Show when={button.shown()}>
                <button type="button" class="button small" aria-expanded={action() === button.action} data-testid={`action-${button.action}`} onClick={() => choose(button.action)}>
                  {typeof button.label === 'string' ? t(button.label) : tr(button.label)}
                </button>
              </Show>
            )}
          </For>
        </div>
        <Switch>
          <Match when={action() === 'note'}>
            <NoteAction kit={kit} text={noteText()} onText={setNoteText} draft={draft} onCancel={cancelDropping(draft)} />
          </Match>
          <Match when={action() === 'edit'}>
            <EditAction kit={kit} form={form} withAssignee={may('assign')} onType={typedInEdit} />
          </Match>
          <Match when={action() === 'transfer'}>
            <TransferAction kit={kit} />
          </Match>
          {/* Apart, so that a form opened as the other starts from its own draft and days. */}
          <Match when={action() === 'extend'}>
            <ExtensionAction kit={kit} mode="extend" granting={granting()} />
          </Match>
          <Match when={action() === 'ask'}>
            <ExtensionAction kit={kit} mode="ask" granting={null} />
          </Match>
          <Match when={action() === 'decline'}>
            <DeclineAction kit={kit} />
          </Match>
          <Match when={action() === 'typical'}>
            <TypicalAction kit={kit} revising={typical() !== null} text={summaryText()} onText={setSummaryText} draft={summaryDraft} onCancel={cancelDropping(summaryDraft)} />
          </Match>
          <Match when={action() === 'untypical'}>
            <UntypicalAction kit={kit} />
          </Match>
          <Match when={action() === 'merge'}>
            <MergeAction kit={kit} />
          </Match>
        </Switch>
      </section>
    </Show>
  );
}
