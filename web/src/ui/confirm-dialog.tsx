import { Show, createSignal } from 'solid-js';
import { t } from '../i18n/i18n';
import { useModalKeys } from './modal-keys';

interface Question {
  /** What it acts on, as its heading: the account or unit (重置密码 孙七), so that it is known with the row out of sight. */
  readonly title: string | undefined;
  readonly text: string;
  readonly confirm: string;
  readonly answer: (yes: boolean) => void;
}

const [question, setQuestion] = createSignal<Question | null>(null);

/** A question's heading (what it acts on) and its confirm button's words (what it does), 确定 when none is given. */
export interface ConfirmOptions {
  readonly title?: string;
  readonly confirm?: string;
}

/**
 * Asks the user to confirm what cannot be undone (a password reset, a unit retired, sessions ended), in the app's
 * own dialog: the browser's `confirm()` stopped every tab of the page, was titled by the server's address, and could
 * be silenced for good by a tick in it. Answers true for the confirm button, false for Cancel, Escape or the backdrop;
 * a second question while one is open answers the first no.
 */
export function askConfirm(text: string, options: ConfirmOptions = {}): Promise<boolean> {
  question()?.answer(false);
  return new Promise((resolve) => {
    setQuestion({
      title: options.title,
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
export function whenConfirmed(text: string, options: ConfirmOptions, work: () => unknown): void {
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
      <div
        ref={dialog}
        class="modal confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={props.question.title === undefined ? undefined : 'confirm-dialog-title'}
        aria-label={props.question.title === undefined ? props.question.confirm : undefined}
        aria-describedby="confirm-dialog-text"
        data-testid="confirm-dialog"
      >
        <Show when={props.question.title}>
          {(title) => (
            <header class="modal-header">
              <h2 id="confirm-dialog-title">{title()}</h2>
            </header>
          )}
        </Show>
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
