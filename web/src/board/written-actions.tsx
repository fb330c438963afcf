import { api } from '../api/client';
import { t } from '../i18n/i18n';
import { messages } from '../i18n/messages';
import { overLimit, type TextLimit } from '../ui/text-limit';
import { ActionFooter } from './action-footer';
import type { ActionKit } from './drafted-actions';
import type { TextDraft } from './drafts';
import { DraftedText } from './drafted-text';
import { editOf } from './edit-request';
import type { formBaseOf } from './form-base';
import { checkItem, isClueSource, isProblemKind, ItemFields, type ItemField } from './item-form';
import { valuesOf } from './edit-rebase';

// As the server holds them (api/contracts: noteRequest, typicalRequest).
export const noteLimit: TextLimit = { name: 'text', noun: messages.noteNoun, max: 4000 };
export const summaryLimit: TextLimit = { name: 'summary', noun: messages.summaryNoun, max: 2000 };

/** A text form's text, kept by the drawer (it opens each card on its own unfinished text) with its draft. */
interface Written {
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly draft: TextDraft;
  readonly onCancel: () => void;
}

/** A work note on the item: held to no version, it is added whatever else changed meanwhile. */
export function NoteAction(props: { kit: ActionKit } & Written) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const kit = props.kit;
    const text = props.text.trim();
    const wrong = text === '' ? messages.required : overLimit(noteLimit, text);
    if (wrong !== null) {
      kit.setErrors({ text: wrong });
      return;
    }
    const { kind, id, state } = kit.item();
    void kit.run(() => api.note(kind, id, text).then(props.draft.drop), 'noted', [state]);
  };
  return (
    <form class="action-form" data-testid="note-form" onSubmit={submit} novalidate>
      <DraftedText limit={noteLimit} label={t('noteTitle')} hint={t('noteHint')} rows={4} errors={props.kit.errors()} value={props.text} onText={props.onText} draft={props.draft} />
      <ActionFooter busy={props.kit.busy()} problem={props.kit.problem()} label={t('noteSave')} onCancel={props.onCancel} />
    </form>
  );
}

/** The item's fields (and its assignee, where this user may assign), as changed from the item the form was opened on. */
export function EditAction(props: { kit: ActionKit; form: ReturnType<typeof formBaseOf>; withAssignee: boolean; onType: (name: ItemField, value: string) => void }) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const { kit, form } = props;
    const v = form.values();
    const item = kit.item();
    const early = checkItem(item.kind, v, false);
    kit.setErrors(early);
    if (Object.keys(early).length > 0) return;
    const before = valuesOf(form.base());
    const clueEdit = { ...editOf(form.base(), v), ...(v.source !== before.source && isClueSource(v.source) ? { source: v.source } : {}) };
    const problemEdit = { ...editOf(form.base(), v), ...(v.problemKind !== before.problemKind && isProblemKind(v.problemKind) ? { problemKind: v.problemKind } : {}) };
    // Saved with nothing changed, the form closes saying so: sent, the server's "nothing to change" named no field
    // of the form, which said a field was marked and marked none.
    if (Object.keys(item.kind === 'clue' ? clueEdit : problemEdit).length === 1) {
      void kit.run(() => Promise.resolve(), 'nothingChanged', []);
      return;
    }
    void kit.run(() => (item.kind === 'clue' ? api.editClue(item.id, clueEdit) : api.editProblem(item.id, problemEdit)), 'saved', [item.state]);
  };
  return (
    <form class="action-form" data-testid="edit-form" onSubmit={submit} novalidate>
      <ItemFields
        kind={props.kit.item().kind}
        campaign={props.kit.campaign()}
        values={props.form.values()}
        errors={props.kit.errors()}
        withUnit={false}
        withAssignee={props.withAssignee}
        set={props.onType}
        theirs={props.form.collisions()}
      />
      <ActionFooter busy={props.kit.busy()} problem={props.kit.problem()} label={t('save')} onCancel={props.kit.cancel('edit')} />
    </form>
  );
}

/** The clue marked as a typical case with a summary for publication, or its summary revised. */
export function TypicalAction(props: { kit: ActionKit; revising: boolean } & Written) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const kit = props.kit;
    const summary = props.text.trim();
    const wrong = summary === '' ? messages.required : overLimit(summaryLimit, summary);
    if (wrong !== null) {
      kit.setErrors({ summary: wrong });
      return;
    }
    const { id, state } = kit.item();
    const body = { version: kit.version(), summary };
    void kit.run(() => api.markTypical(id, body).then(props.draft.drop), props.revising ? 'typicalRevised' : 'typicalMarked', [state]);
  };
  return (
    <form class="action-form" data-testid="typical-form" onSubmit={submit} novalidate>
      <h4>{t(props.revising ? 'reviseTypical' : 'markTypical')}</h4>
      <DraftedText limit={summaryLimit} label={t('summary')} hint={t('typicalHint')} rows={5} errors={props.kit.errors()} value={props.text} onText={props.onText} draft={props.draft} />
      <ActionFooter busy={props.kit.busy()} problem={props.kit.problem()} label={t('save')} onCancel={props.onCancel} />
    </form>
  );
}
