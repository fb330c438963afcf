import { For, Show, createResource } from 'solid-js';
import { api, type CampaignDetail, type ItemDetail } from '../api/client';
import { t, tr } from '../i18n/i18n';
import { unlessGone } from '../api/unless-gone';
import { WhenRead } from '../ui/read-failed';
import { keptRead } from '../ui/read-shown';
import { levelLabels } from '../board/domain-labels';
import { dateTime, dueDate } from '../ui/dates';
import { escalationStatusKey } from './inbox-row';

/** The escalations raised about this item that are still open or acknowledged: its escalation state, asked of the server for this one item. */
export function ItemEscalations(props: { item: ItemDetail; campaign: CampaignDetail; revision: number }) {
  const key = () => ({ subject: props.item.kind, subjectId: props.item.id, revision: props.revision });
  const [listRead, { refetch }] = createResource(key, (k) => unlessGone(api.escalations({ view: 'unit', status: 'active', subject: k.subject, subjectId: k.subjectId })));
  // Kept as last read when a read again fails (and tried again); a first read that fails says so in its place.
  const list = keptRead(listRead, refetch);
  const mine = () => list()?.items ?? [];
  return (
    <section data-testid="item-escalations">
      <h3>{t('escalation')}</h3>
      <WhenRead read={list()} error={listRead.error} what={t('escalationsFailed')} loading={<div class="muted">{t('loading')}</div>}>
        <Show when={mine().length > 0} fallback={<p class="muted">{t('noEscalation')}</p>}>
          <ul class="item-escalations">
            <For each={mine()}>
              {(e) => (
                <li>
                  <span class={`level-badge level-${e.level}`}>{tr(levelLabels[e.level] ?? { zh: '', en: '' })}</span>
                  <span class={`status-pill status-${e.status}`}>{t(escalationStatusKey[e.status])}</span>
                  <span class="muted">
                    {t('due')} {dueDate(e.dueAt, props.campaign.timeZone)} · {t('raisedAt')} {dateTime(e.raisedAt, props.campaign.timeZone)}
                  </span>
                  <Show when={e.note}>{(note) => <span class="inbox-note">“{note()}”</span>}</Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </WhenRead>
    </section>
  );
}
