import { createSignal, onCleanup, onMount } from 'solid-js';
import type { ListPage } from './api';

/** The most rows a print takes: a few hundred A4 sheets. Beyond it, the Excel export is the way. */
export const maxPrinted = 5000;

/** What the print button offers for a list of `total` rows: the whole list, or, past the most a print takes, the Excel export instead. */
export const printOffer = (total: number): 'whole' | 'tooMany' => (total > maxPrinted ? 'tooMany' : 'whole');

/** Ctrl+P (⌘P on a Mac): the browser's own print, which the list page takes over to print the whole list. */
export const isPrintShortcut = (press: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean =>
  (press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey && press.key.toLowerCase() === 'p';

/**
 * Printing the whole filtered list rather than the page on screen: its rows read (up to `maxPrinted`)
 * into `printed` while `preparing`, drawn, printed, then the page on screen again. Ctrl+P does the same
 * while `printable`; the browser's print from its menu cannot wait for a read, and prints the page on
 * screen (which says, printed, that it is one page of the list).
 */
export function createWholeListPrint(options: {
  /** The filtered list from its start until `most` rows are read or it ends. */
  readonly read: (most: number) => Promise<{ page: ListPage; truncated: boolean }>;
  /** Whether the whole list may be printed now (it was read, and is not too long to print). */
  readonly printable: () => boolean;
  /** Told when the list could not be read: nothing was printed. */
  readonly failed: (error: unknown) => void;
}) {
  const [printed, setPrinted] = createSignal<{ page: ListPage; truncated: boolean } | null>(null);
  const [preparing, setPreparing] = createSignal(false);

  async function printWhole() {
    if (preparing()) return;
    setPreparing(true);
    try {
      setPrinted(await options.read(maxPrinted));
      // Let the full table paint before the print dialog takes its picture.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      print();
    } catch (error) {
      options.failed(error);
    } finally {
      setPreparing(false);
      setPrinted(null);
    }
  }

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      // Pressed again while the list is read, it waits for that print rather than print the page on screen.
      if (!isPrintShortcut(event) || !(preparing() || options.printable())) return;
      event.preventDefault();
      void printWhole();
    };
    addEventListener('keydown', onKey);
    onCleanup(() => removeEventListener('keydown', onKey));
  });

  return { printed, preparing, printWhole };
}
