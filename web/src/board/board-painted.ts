import { createEffect, createSignal, type Accessor } from 'solid-js';

/**
 * True once the board's first cards (or its failure) are on screen, the frame after they rendered. The reads that only
 * complete the page (the inbox count, the toolbar's assignees) and the dialogs' code wait for it: on the way to the
 * first cards they would only hold up the server and the page.
 */
export function createBoardPainted(read: { readonly campaign: () => boolean; readonly board: () => boolean }): Accessor<boolean> {
  const [painted, setPainted] = createSignal(false);
  createEffect(() => {
    const campaignRead = read.campaign();
    const boardRead = read.board();
    if (painted() || !campaignRead || !boardRead) return;
    requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
  });
  return painted;
}
