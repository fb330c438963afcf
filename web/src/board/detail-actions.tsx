import { For, Match, Show, Switch, createEffect, createMemo, createSignal, on } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { api, ApiProblem, type CampaignDetail, type ItemDetail } from '../api/client';
import { answerLost } from '../api/retry-keys';
import { t, tr } from '../i18n/i18n';
import { messages, type MessageKey } from '../i18n/messages';
import { toast } from '../ui/toasts';
import { overLimit, type TextLimit } from '../ui/text-limit';
import { checkItem, isClueSource, isProblemKind, ItemFields, type ItemField, type ItemValues } from './item-form';
import { reasonBesideFields, serverErrors, type FieldErrors } from './payload-fields';
import { me } from '../session/session';
import { readerScope } from '../ui/reader-scope';
import { fieldsDraft, textDraft } from './drafts';
import { ActionFooter } from './action-footer';
import { DraftedText } from './drafted-text';
import { DeclineAction, draftedForms, ExtensionAction, MergeAction, TransferAction, UntypicalAction, type ActionKit, type Done, type DraftedForm } from './drafted-actions';
import { focusFirstInvalid, formFocus } from './form-focus';
import { editDraftOf, editMessages, rebased, restoredEdit, stillColliding, valuesOf, type Collisions } from './edit-rebase';
import { editOf } from './edit-request';
import { changedMeanwhile } from './changed-meanwhile';
import { typicalOf } from './typical-case';
import { asksForMoreTime, extensionBounds, extensionPossible } from '../deadlines/extension-dates';
import { extensionMessages } from '../deadlines/messages';
import { ExtensionRequestNotice, extensionRequestOf, type AskedExtension } from '../deadlines/extension-request';

type Action = 'note' | 'edit' | 'transfer' | 'extend' | 'ask' | 'decline' | 'merge' | 'typical' | 'untypical';

// As the server holds them (api/contracts: noteRequest, typicalRequest).
const noteLimit: TextLimit = { name: 'text', noun: messages.noteNoun, max: 4000 };
const summaryLimit: TextLimit = { name: 'summary', noun: messages.summaryNoun, max: 2000 };

// The forms kept as drafts of their fields (drafted-actions.tsx), in the order one is reopened. The predicate keeps them
// actions of this drawer: TypeScript refuses one whose type is not its parameter's.
const isDrafted = (action: Action | null): action is DraftedForm => (draftedForms as readonly (Action | null)[]).includes(action);

/** A form's request as it was sent, to be sent again as it was (see `unanswered`). */
interface Sent {
  readonly action: Action | null;
  /** The item it was sent to. */
  readonly kind: ItemDetail['kind'];
  readonly id: number;
  /** The item's version it went with. */
  readonly version: number;
  readonly request: () => Promise<unknown>;
  readonly done: Done;
  readonly states: readonly string[];
  readonly changed: (states: readonly string[]) => void;
}

/**
 * What a user who works items can do from the detail panel besides moving
 * it: write a work note, edit fields and the assignee, transfer to another
 * unit (with a reason), merge a clue into another. Only what the server says
 * this user may do to this item (`changes`, `allowed`) is offered; the
 * server still judges each request, and its reasons show next to the fields.
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
  const [values, setValues] = createSignal<ItemValues>(valuesOf(props.item));
  // The item as the open form was opened on: its version is the one sent, and the edit form tells what the user changed
  // from it. Sent on `props.item`, which the live stream keeps current, a transfer (or more time, a merge…) went
  // through over someone else's change made while it was typed, which it silently undid.
  const [formBase, setFormBase] = createSignal<ItemDetail>(props.item);
  // A form other than the edit refused as sent over someone else's change: it goes on from the item as it is now
  // once that is read (see rebaseRefused), saying what they did, so that sent again it is sent knowingly.
  const [refused, setRefused] = createSignal(false);
  // The fields someone else changed too while this user typed, with their value (see edit-rebase.ts).
  const [collisions, setCollisions] = createSignal<Collisions>({});
  const meanwhile = () => (Object.keys(collisions()).length > 0 ? editMessages.changedBothMeanwhile : editMessages.changedMeanwhile);
  const [noteText, setNoteText] = createSignal('');
  const [summaryText, setSummaryText] = createSignal('');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [problem, setProblem] = createSignal<Label | null>(null);
  const [busy, setBusy] = createSignal(false);
  // The request of a form whose answer the network lost: the server may have applied it. Once the item is seen changed,
  // it is sent again as it was, with its key: answered as the first was if that was applied (the form then closes as
  // saved), refused as stale if the change was someone else's. Not told so, the edit form took the user's own saved
  // edit, come back through the live stream, for someone else's, and the other forms, sent again on the new version,
  // were refused as already done ("the new deadline must be later than the current one").
  const [unanswered, setUnanswered] = createSignal<Sent | null>(null);
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
    setFormBase(props.item);
    setRefused(false);
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

  // The note being written to this item, kept until sent (see drafts.ts); the typical-case summary the same way:
  // a summary for publication is worth not typing twice.
  const userId = () => me()?.id ?? 0;
  const draft = textDraft(userId, () => ({ note: { kind: props.item.kind, id: props.item.id } }));
  const summaryDraft = textDraft(userId, () => ({ typical: { id: props.item.id } }));
  // And what the other forms hold, field by field: a session that runs out as one is sent (signed in again, the
  // drawer opens on the same card) or a drawer closed by a stray Escape loses nothing typed.
  const formDraft = (form: DraftedForm) => fieldsDraft(userId, () => ({ form: { kind: props.item.kind, id: props.item.id, action: form } }));
  const offered = (form: DraftedForm) =>
    form === 'decline' ? may('declineExtension') && extensionRequestOf(props.item) !== null : buttons.some((button) => button.action === form && button.shown());
  /** Fills the edit form from its draft, if it has one (the other forms read theirs themselves). */
  const restore = (form: DraftedForm) => {
    const kept = form === 'edit' ? formDraft(form).read() : null;
    if (kept === null) return;
    const { values: typed, overtaken, collisions: found } = restoredEdit(props.item, kept);
    setValues(typed);
    setCollisions(found);
    if (overtaken) setProblem(meanwhile());
  };
  const keepEdit = () => formDraft('edit').keep(editDraftOf(formBase(), values()));
  // The drawer stays open from card to card: each card opens with its own unfinished note (or else summary), or with nothing open.
  // The same card read again (someone else moved or changed it) is not another card: `on` alone runs again for every
  // new item object, which closed a half-typed edit (or transfer, or extension) whenever the card changed elsewhere.
  const itemKey = createMemo(() => `${props.item.kind}:${props.item.id}`);
  createEffect(
    on(
      itemKey,
      () => {
        const unfinished = draft.read() ?? '';
        const unfinishedSummary = props.item.kind === 'clue' ? summaryDraft.read() : null;
        setNoteText(unfinished);
        setSummaryText(unfinishedSummary ?? '');
        setErrors({});
        setProblem(null);
        setUnanswered(null);
        setFormBase(props.item);
        setRefused(false);
        const drafted = draftedForms.find((form) => offered(form) && formDraft(form).read() !== null);
        setAction(unfinished !== '' && may('note') ? 'note' : unfinishedSummary !== null && may('markTypical') ? 'typical' : (drafted ?? null));
        if (drafted !== undefined && action() === drafted) {
          setValues(valuesOf(props.item));
          restore(drafted);
        }
      },
    ),
  );

  // Someone else changed the item while this user typed an edit: their typing stays, the fields they left show the
  // item as it is now, and the form says so (see rebased).
  const rebaseEdit = (now: ItemDetail) => {
    const base = formBase();
    if (action() !== 'edit' || now.id !== base.id || now.kind !== base.kind || now.version === base.version) return;
    const next = rebased(values(), base, now);
    setValues(next.values);
    // Those found before stay while the user's value still differs from theirs; a newer value of theirs replaces one.
    setCollisions(stillColliding({ ...collisions(), ...next.collisions }, next.values));
    setFormBase(now);
    keepEdit();
    setProblem(meanwhile());
  };
  const rebaseRefused = (now: ItemDetail) => {
    const base = formBase();
    if (!refused() || now.kind !== base.kind || now.id !== base.id || now.version === base.version) return;
    setRefused(false);
    setFormBase(now);
    setProblem(changedMeanwhile(base, now, props.campaign.units));
  };
  createEffect(
    on(
      () => props.item,
      (now) => {
        const lost = unanswered();
        // Perhaps by the request whose answer was lost: asked again before anything is said of it.
        if (lost !== null && lost.action === action() && now.kind === lost.kind && now.id === lost.id && now.version !== lost.version) {
          setUnanswered(null);
          void send(lost, true);
          return;
        }
        rebaseEdit(now);
        rebaseRefused(now);
      },
      { defer: true },
    ),
  );

  const choose = (next: Action) => {
    setUnanswered(null);
    setAction(action() === next ? null : next);
    if (action() !== null) focusForm();
    setGranting(null);
    setNoteText(draft.read() ?? '');
    setSummaryText(summaryDraft.read() ?? typical()?.summary ?? '');
    setValues(valuesOf(props.item));
    setFormBase(props.item);
    setRefused(false);
    setCollisions({});
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
  const set = (name: ItemField, value: string) => {
    // Typed on after the answer was lost: what is sent next is this, not the request sent before.
    setUnanswered(null);
    setValues((v) => ({ ...v, [name]: value }));
    // Taking theirs (or typing it) leaves nothing to warn of in that field.
    setCollisions((c) => stillColliding(c, values()));
    keepEdit();
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== name)));
  };

  /** Whether the reader still sees an item of this unit (see readerScope). */
  const inSight = (unitId: string) => readerScope(me())?.has(unitId) ?? true;

  /** What the drafted forms' wiring (drafted-actions.tsx) uses of this drawer. */
  const kit: ActionKit = {
    item: () => props.item,
    campaign: () => props.campaign,
    now: () => props.now,
    version: () => formBase().version,
    busy,
    problem,
    errors,
    setErrors,
    run,
    draft: formDraft,
    cancel: (form) => cancelDropping(formDraft(form)),
    onChanged: (states) => props.onChanged(states),
    onLeft: (states) => props.onLeft(states),
    inSight,
  };

  /** Sends a form's request. `request` must hold its body as it was when sent (the version included): it may be sent again. */
  function run(request: () => Promise<unknown>, done: Done, states: readonly string[], changed = props.onChanged): Promise<void> {
    return send({ action: action(), kind: props.item.kind, id: props.item.id, version: formBase().version, request, done, states, changed }, false);
  }

  async function send(sent: Sent, resent: boolean): Promise<void> {
    const { request, done, states, changed } = sent;
    setUnanswered(null);
    setBusy(true);
    setProblem(null);
    try {
      await request();
      toast(() => (typeof done === 'function' ? done() : typeof done === 'string' ? t(done) : tr(done)), 'info');
      if (isDrafted(sent.action)) formDraft(sent.action).drop();
      closeForm();
      changed(states);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const stillOpen = props.item.kind === sent.kind && props.item.id === sent.id;
      if (answerLost(error) && !resent && stillOpen && props.item.version !== sent.version) {
        // The item changed while the answer was on its way, perhaps by this very request: asked again at once.
        await send(sent, true);
        return;
      }
      // Not a note: held to no version, sent again on its own it could be added after all, the user typing on meanwhile.
      setUnanswered(answerLost(error) && stillOpen && sent.action !== 'note' ? sent : null);
      if (error.code === 'version_conflict' && sent.action === 'edit' && props.item.version !== sent.version) {
        // Sent again after its answer was lost, and someone else's change it was: the edit goes on from theirs.
        rebaseEdit(props.item);
        return;
      }
      setProblem(error.code === 'version_conflict' ? messages.conflict : reasonBesideFields(error.reason, error.fields));
      setErrors(serverErrors(error.fields));
      if (error.code !== 'version_conflict') return;
      props.onChanged([props.item.state]);
      // Said as "changed" until the item as it is now is read; the edit form rebases on it itself (see rebaseEdit).
      if (sent.action !== 'edit' && sent.action === action() && stillOpen) {
        setRefused(true);
        rebaseRefused(props.item);
      }
    } finally {
      setBusy(false);
    }
  }

  function submitEdit(event: SubmitEvent) {
    event.preventDefault();
    const v = values();
    const early = checkItem(props.item.kind, v, false);
    setErrors(early);
    if (Object.keys(early).length > 0) return;
    const before = valuesOf(formBase());
    const id = props.item.id;
    const clueEdit = { ...editOf(formBase(), v), ...(v.source !== before.source && isClueSource(v.source) ? { source: v.source } : {}) };
    const problemEdit = { ...editOf(formBase(), v), ...(v.problemKind !== before.problemKind && isProblemKind(v.problemKind) ? { problemKind: v.problemKind } : {}) };
    // Saved with nothing changed, the form closes saying so: sent, the server's "nothing to change" named no field
    // of the form, which said a field was marked and marked none.
    if (Object.keys(props.item.kind === 'clue' ? clueEdit : problemEdit).length === 1) {
      void run(() => Promise.resolve(), 'nothingChanged', []);
      return;
    }
    void run(() => (props.item.kind === 'clue' ? api.editClue(id, clueEdit) : api.editProblem(id, problemEdit)), 'saved', [props.item.state]);
  }

  function submitNote(event: SubmitEvent) {
    event.preventDefault();
    const text = noteText().trim();
    const wrong = text === '' ? messages.required : overLimit(noteLimit, text);
    if (wrong !== null) {
      setErrors({ text: wrong });
      return;
    }
    void run(() => api.note(props.item.kind, props.item.id, text).then(draft.drop), 'noted', [props.item.state]);
  }

  function submitTypical(event: SubmitEvent) {
    event.preventDefault();
    const summary = summaryText().trim();
    const wrong = summary === '' ? messages.required : overLimit(summaryLimit, summary);
    if (wrong !== null) {
      setErrors({ summary: wrong });
      return;
    }
    const done = typical() === null ? 'typicalMarked' : 'typicalRevised';
    const body = { version: formBase().version, summary };
    void run(() => api.markTypical(props.item.id, body).then(summaryDraft.drop), done, [props.item.state]);
  }

  return (
    // Kept while a form is open, though someone else's change left no action (a clue merged elsewhere): it unmounted,
    // taking what was typed with it; sent, it is refused and says what the other did, as any form's is.
    <Show when={buttons.some((button) => button.shown()) || action() !== null}>
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
            <form class="action-form" data-testid="note-form" onSubmit={submitNote} novalidate>
              <DraftedText limit={noteLimit} label={t('noteTitle')} hint={t('noteHint')} rows={4} errors={errors()} value={noteText()} onText={setNoteText} draft={draft} />
              <ActionFooter busy={busy()} problem={problem()} label={t('noteSave')} onCancel={cancelDropping(draft)} />
            </form>
          </Match>
          <Match when={action() === 'edit'}>
            <form class="action-form" data-testid="edit-form" onSubmit={submitEdit} novalidate>
              <ItemFields kind={props.item.kind} campaign={props.campaign} values={values()} errors={errors()} withUnit={false} withAssignee={may('assign')} set={set} theirs={collisions()} />
              <ActionFooter busy={busy()} problem={problem()} label={t('save')} onCancel={cancelDropping(formDraft('edit'))} />
            </form>
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
            <form class="action-form" data-testid="typical-form" onSubmit={submitTypical} novalidate>
              <h4>{t(typical() === null ? 'markTypical' : 'reviseTypical')}</h4>
              <DraftedText limit={summaryLimit} label={t('summary')} hint={t('typicalHint')} rows={5} errors={errors()} value={summaryText()} onText={setSummaryText} draft={summaryDraft} />
              <ActionFooter busy={busy()} problem={problem()} label={t('save')} onCancel={cancelDropping(summaryDraft)} />
            </form>
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
