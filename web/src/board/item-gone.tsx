import { For, Show, createMemo } from 'solid-js';
import type { CampaignDetail, ItemDetail, ItemKind } from '../api/client';
import { t, tr } from '../i18n/i18n';
import { me } from '../session/session';
import { copyText } from '../ui/copy-text';
import { readerScope } from '../ui/reader-scope';
import { toast } from '../ui/toasts';
import { leftMessages, leftNotice, unitSeen, unsentTexts } from './item-left';

/**
 * The drawer of an item the user cannot read: gone while it showed (`seen`, as last read), or since this tab last read
 * it (a reload meanwhile: see keepUnitSeen), it says why, plainly; opened on one never read here (a link, a number),
 * that it is not within what they see. Either way, what they typed on it and did not send, read-only and to copy: the
 * forms went with the item, and sending is refused anyway. The drafts stay as they are (see drafts.ts): the item back
 * in the user's units, its forms open with them again.
 */
export function ItemGone(props: { kind: ItemKind; id: number; seen: ItemDetail | undefined; campaign: CampaignDetail }) {
  const texts = createMemo(() => unsentTexts(me()?.id ?? 0, { kind: props.kind, id: props.id }));
  // Not read since a reload: the unit it was with, as this tab last read it, says the same (see keepUnitSeen).
  const wasWith = () => props.seen ?? unitSeen(me()?.id ?? 0, { kind: props.kind, id: props.id }) ?? undefined;
  return (
    <div class="detail-gone" data-testid="detail-gone">
      <Show when={wasWith()} fallback={<p>{t('itemGone')}</p>}>
        {(seen) => (
          <p role="alert" data-testid="item-left">
            {tr(leftNotice(seen(), readerScope(me()), props.campaign.units))}
          </p>
        )}
      </Show>
      <Show when={texts().length > 0}>
        <p>{tr(leftMessages.unsent)}</p>
        <For each={texts()}>
          {(unsent) => {
            let field: HTMLTextAreaElement | undefined;
            const fieldId = `unsent-${props.kind}-${props.id}-${unsent.key}`;
            const copy = async () => {
              if (field === undefined) return;
              const copied = await copyText(field);
              toast(() => tr(copied ? leftMessages.copied : leftMessages.copyFailed), copied ? 'info' : 'error');
            };
            return (
              <div class="unsent-text" data-testid="unsent-text" data-unsent={unsent.key}>
                <label class="field-label" for={fieldId}>
                  {tr(unsent.what)}
                </label>
                <textarea ref={field} id={fieldId} readOnly rows={Math.min(8, unsent.text.split('\n').length + 1)} value={unsent.text} />
                <button type="button" class="button small" data-testid="unsent-copy" onClick={() => void copy()}>
                  {tr(leftMessages.copy)}
                </button>
              </div>
            );
          }}
        </For>
      </Show>
    </div>
  );
}
