/**
 * Copies the text of a read-only field to the clipboard: through the Clipboard API where the page may use it (a
 * secure context: https, or the machine itself), else by the field's text selected and the browser's copy command,
 * as a page served over plain http on the intranet must. Whether it was copied; not, the text is left selected, for
 * the user's own Ctrl+C.
 */
export async function copyText(field: HTMLTextAreaElement): Promise<boolean> {
  if (navigator.clipboard !== undefined && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(field.value);
      return true;
    } catch {
      // Refused (the page not focused, a policy): the selection's copy below may still do.
    }
  }
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
