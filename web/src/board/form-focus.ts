/**
 * Where the keyboard goes round the drawer's forms. A form the user opened
 * (a button, granting a request) is where they go next: its first field
 * takes focus and the form comes into view. It opens below the buttons,
 * often below the fold of a long drawer, and with focus left on the button,
 * typed text was lost and the next Tabs went through every other button
 * first. A form reopened on its own (an unfinished note, card to card) is
 * not `opened` here and takes nothing from where the user is.
 *
 * `section` holds the forms (`form.action-form`); closed, a form gives the
 * focus, if it had it, back to what opened it, or to the drawer when that
 * is gone.
 */
export function formFocus(section: () => HTMLElement | undefined) {
  let opener: HTMLElement | null = null;
  return {
    opened(): void {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      requestAnimationFrame(() => {
        const form = section()?.querySelector<HTMLElement>('form.action-form');
        form?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea')?.focus({ preventScroll: true });
        form?.scrollIntoView({ block: 'nearest' });
      });
    },
    /** Runs `close`, which takes the form away (sent or cancelled), and puts the focus back. */
    closed(close: () => void): void {
      const wasIn = section()?.contains(document.activeElement) === true;
      close();
      const back = opener;
      opener = null;
      if (!wasIn) return;
      requestAnimationFrame(() => {
        if (document.activeElement !== document.body && document.activeElement !== null) return;
        if (back?.isConnected === true) back.focus();
        else section()?.closest<HTMLElement>('[data-testid="detail-panel"]')?.focus();
      });
    },
  };
}

/**
 * The first field a form's answer marks wrong takes the focus, as the form's
 * errors grow (a submit refused, by the form's own checks or the server's),
 * not as they shrink while the user puts one right: left on its button, the
 * typical case's empty summary said 必填 where the keyboard was not.
 * `wrong` finds the marked fields in `section`: by default those of the
 * drawer's forms; another page's section passes its own (the campaign
 * settings' sections are no forms).
 */
export function focusFirstInvalid(section: () => HTMLElement | null | undefined, now: object, before: object | undefined, wrong = 'form.action-form [aria-invalid="true"]'): void {
  if (!Object.keys(now).some((key) => before === undefined || !(key in before))) return;
  requestAnimationFrame(() => section()?.querySelector<HTMLElement>(wrong)?.focus());
}
