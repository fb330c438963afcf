import { Show } from 'solid-js';
import type { CampaignDetail } from '../api/client';
import { LazyPart } from '../ui/lazy-part';
import { MoveDialog } from './board-lazy';
import type { createBoardMoves } from './board-moves';
import type { MoveDraft } from './move-dialog';

/** The dialog of a move that needs input (a drop, the card's menu or the drawer asked for it), while its draft is open. */
export function BoardMoveDialog(props: {
  moves: ReturnType<typeof createBoardMoves>;
  campaign: CampaignDetail;
  /** What the dialog says of its card, changed by someone else meanwhile (see createDraftOvertaken). */
  overtaken: (draft: MoveDraft) => { readonly state: string | null } | null;
}) {
  return (
    <Show when={props.moves.draft()}>
      {(current) => (
        <LazyPart onFailed={() => props.moves.cancelDraft(current())}>
          <MoveDialog
            draft={current()}
            campaign={props.campaign}
            overtaken={props.overtaken(current())}
            onSubmit={(payload) => props.moves.submitDraft(current(), payload)}
            onCancel={() => props.moves.cancelDraft(current())}
          />
        </LazyPart>
      )}
    </Show>
  );
}
