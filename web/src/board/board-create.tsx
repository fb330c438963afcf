import { Show } from 'solid-js';
import type { CampaignDetail, ItemKind } from '../api/client';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { toast } from '../ui/toasts';
import { LazyPart } from '../ui/lazy-part';
import { CreateDialog } from './board-lazy';
import type { BoardState } from './board-state';

/** The dialog of a new item, asked for by the toolbar or the empty board's line: once created, its column is read again and its drawer opened. */
export function BoardCreate(props: {
  open: boolean;
  kind: ItemKind;
  campaign: CampaignDetail;
  state: BoardState;
  onClose: () => void;
  /** Opens the new item's drawer. */
  onOpenItem: (id: number) => void;
}) {
  return (
    <Show when={props.open}>
      <LazyPart onFailed={() => props.onClose()}>
        <CreateDialog
          kind={props.kind}
          campaign={props.campaign}
          onCancel={() => props.onClose()}
          onCreated={(item) => {
            props.onClose();
            toast(() => `${t('created')} #${item.id}`, 'info');
            announce(`${t('created')} #${item.id}`);
            void props.state.refreshStates([item.state]);
            props.onOpenItem(item.id);
          }}
        />
      </LazyPart>
    </Show>
  );
}
