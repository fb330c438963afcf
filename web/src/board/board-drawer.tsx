import { Show } from 'solid-js';
import type { CampaignDetail, ItemDetail, ItemKind } from '../api/client';
import { LazyPart } from '../ui/lazy-part';
import { DetailPanel } from './board-lazy';
import { cardBeside, focusBeside, focusClosedCard } from './board-moves';
import type { BoardState } from './board-state';

/** The drawer of the item the address opens, and where the keyboard's focus goes when it closes or its item leaves the board. */
export function BoardDrawer(props: {
  item: { kind: ItemKind; id: number } | null;
  campaign: CampaignDetail;
  revision: number;
  mayAct: boolean;
  state: BoardState;
  /** Reads the drawer and the inbox again. */
  onRevise: () => void;
  onCampaignChanged: () => void;
  onMove: (item: ItemDetail, to: string) => void;
  /** Takes the item out of the address. */
  onClosed: () => void;
}) {
  return (
    /* A panel of its own for each item opened: what it keeps of a read that fails again is of that item alone. */
    <Show when={props.item} keyed>
      {(open) => (
        <LazyPart
          onFailed={() => {
            focusClosedCard(open.id);
            props.onClosed();
          }}
        >
          <DetailPanel
            kind={open.kind}
            id={open.id}
            campaign={props.campaign}
            revision={props.revision}
            mayAct={props.mayAct}
            now={() => props.state.shown()?.now ?? new Date().toISOString()}
            onChanged={(states) => {
              props.onRevise();
              void props.state.refreshStates(states);
            }}
            onLeft={(states) => {
              const beside = cardBeside(props.state.columns(), open.id);
              props.onClosed();
              props.onRevise();
              void props.state.refreshStates(states).then(() => focusBeside(beside));
            }}
            onCampaignChanged={props.onCampaignChanged}
            onMove={(item, to) => props.onMove(item, to)}
            onClose={() => {
              focusClosedCard(open.id);
              props.onClosed();
            }}
          />
        </LazyPart>
      )}
    </Show>
  );
}
