import { A, useLocation } from '@solidjs/router';
import { For, Show, createResource, createSignal, onCleanup } from 'solid-js';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { api } from '../api/client';
import { named, t, tr } from '../i18n/i18n';
import { me } from '../session/session';
import { cm } from '../admin/campaign/messages';
import { rt } from './messages';
import { otherCampaignPath } from './campaign-path';
import { onPressOutside } from '../ui/press-outside';

/**
 * The campaigns, to go from one to another on the same page (the board of
 * one to the board of the next), and for the office a new one. The list is
 * read when the menu is first opened: most bureaus run one campaign a year,
 * and every page would otherwise read it. Escape, a click elsewhere or a
 * choice closes it.
 */
export function CampaignSwitch(props: { campaignId: number }) {
  const location = useLocation();
  const [opened, setOpened] = createSignal(false);
  const [place, setPlace] = createSignal({ top: 0, left: 0 });
  const [campaigns] = createResource(opened, () => api.campaigns());
  let menu: HTMLDetailsElement | undefined;
  const close = (focusBack = false) => {
    if (menu === undefined || !menu.open) return;
    menu.open = false;
    if (focusBack) menu.querySelector('summary')?.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close(true);
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));
  onPressOutside(() => menu, () => close());
  const toggled = (details: HTMLDetailsElement) => {
    if (!details.open) return;
    setOpened(true);
    // Placed against the window, not the links' row: on a narrow screen that row scrolls sideways and would cut the menu off.
    const box = details.getBoundingClientRect();
    setPlace({ top: box.bottom + 4, left: Math.max(8, Math.min(box.left, window.innerWidth - 280)) });
  };
  return (
    <details class="campaign-switch" ref={menu} data-testid="campaign-switch" onToggle={(e) => toggled(e.currentTarget)}>
      <summary aria-label={rt('switchCampaign')} title={rt('switchCampaign')}>
        <span aria-hidden="true">⇄</span>
        {/* Said beside the sign in a phone's list of the campaign's pages, where a sign alone would stand out of place. */}
        <span class="campaign-switch-label" aria-hidden="true">
          {rt('switchCampaign')}
        </span>
      </summary>
      <div class="campaign-switch-menu" role="group" aria-label={rt('switchCampaign')} style={{ top: `${place().top}px`, left: `${place().left}px` }}>
        <Show when={campaigns()} fallback={<p class="muted">{campaigns.error === undefined ? t('loading') : rt('campaignsFailed')}</p>}>
          {(list) => (
            <ul>
              <For each={list()}>
                {(campaign) => (
                  <li>
                    <A
                      href={otherCampaignPath(location.pathname, campaign.id)}
                      aria-current={campaign.id === props.campaignId ? 'page' : undefined}
                      data-testid={`switch-to-${campaign.id}`}
                      onClick={() => close()}
                    >
                      <span class="campaign-switch-name">{named(campaign)}</span>
                      <span class="muted">
                        {tr(campaignStateLabels[campaign.state])} · {campaign.startsOn.slice(0, 4)}
                      </span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Show>
        <Show when={me()?.role === 'office'}>
          <A href="/campaigns/new" class="campaign-switch-new" data-testid="switch-new-campaign" onClick={() => close()}>
            ＋ {cm('newCampaign')}
          </A>
        </Show>
      </div>
    </details>
  );
}
