import { Show, createSignal } from 'solid-js';
import { t } from '../i18n/i18n';
import { useModalKeys } from './modal-keys';

interface Question {
  readonly text: string;
  readonly confirm: string;
  readonly answer: (yes: boolean) => void;
}

const [question, setQuestion] = createSignal<Question | null>(null);

/**
 * Asks the user to confirm what cannot be undone (a password reset, a unit retired, sessions ended), in the app's
 * own dialog: the browser's `confirm()` stopped every tab of the page, was titled by the server's address, and could
 * be silenced for good by a tick in it. Answers true for the confirm button, false for Cancel, Escape or the backdrop;
 * a second question while one is open answers the first no.
 */
export function askConfirm(text: string, options: { readonly confirm?: string } = {}): Promise<boolean> {
  question()?.answer(false);
  return new Promise((resolve) => {
    setQuestion({
      text,
      confirm: options.confirm ?? t('confirm'),
      answer: (yes) => {
        setQuestion(null);
        resolve(yes);
      },
    });
  });
}

/** Does `work` once the user has confirmed `text` (see {@link askConfirm}); nothing if they have not. */
export function whenConfirmed(text: string, options: { readonly confirm?: string }, work: () => unknown): void {
  void askConfirm(text, options).then((yes) => {
    if (yes) void work();
  });
}

/** Mounted once, beside the toasts: the open question, if any. */
export function ConfirmDialog() {
  return <Show when={question()}>{(open) => <QuestionDialog question={open()} />}</Show>;
}

function QuestionDialog(props: { question: Question }) {
  let dialog: HTMLDivElement | undefined;
  // Cancel has the focus: a confirmation of what cannot be undone is not given by a stray Enter.
  useModalKeys(() => dialog, { busy: () => false, onCancel: () => props.question.answer(false), focusFirst: '[data-answer=no]' });
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && props.question.answer(false)}>
      <div ref={dialog} class="modal confirm-dialog" role="alertdialog" aria-modal="true" aria-describedby="confirm-dialog-text" data-testid="confirm-dialog">
        <p class="modal-body confirm-dialog-text" id="confirm-dialog-text">
          {props.question.text}
        </p>
        <div class="modal-footer">
          <button type="button" class="button ghost" data-answer="no" onClick={() => props.question.answer(false)}>
            {t('cancel')}
          </button>
          <button type="button" class="button primary" data-answer="yes" onClick={() => props.question.answer(true)}>
            {props.question.confirm}
          </button>
        </div>
      </div>
    </div>
  );
}
