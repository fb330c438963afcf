import { A, useParams } from '@solidjs/router';
import { Show, createEffect } from 'solid-js';
import { rememberCampaign } from '../session/last-campaign';
import { rt } from './messages';
import { CampaignSwitch } from './campaign-switch';
import { pt } from '../admin/people/messages';
import { cm } from '../admin/campaign/messages';
import { movesItems } from '../../../engine/actor';
import { me } from '../session/session';
import './reports.css';

/** Links between a campaign's pages: board, import, battle map, lists, reports, wall. Shown in the top bar of a campaign page. */
export function CampaignNav() {
  const params = useParams<{ id?: string }>();
  // The start page opens the campaign last shown here (one of several running), not the newest.
  createEffect(() => {
    const id = Number(params.id);
    if (Number.isSafeInteger(id) && id > 0) rememberCampaign(id);
  });
  const mayCreate = () => {
    const role = me()?.role;
    return role !== undefined && movesItems(role);
  };
  return (
    <Show when={params.id}>
      {(id) => (
        <nav class="campaign-nav" aria-label={rt('campaignNav')} data-testid="campaign-nav">
          <CampaignSwitch campaignId={Number(id())} />
          <A href={`/campaigns/${id()}/board`} activeClass="active" end>
            {rt('navBoard')}
          </A>
          {/* Importing creates clues: offered to those who may create them (not a viewer or an administrator). */}
          <Show when={mayCreate()}>
            <A href={`/campaigns/${id()}/import`} activeClass="active" end data-testid="nav-import">
              {rt('navImport')}
            </A>
          </Show>
          <A href={`/campaigns/${id()}/battle-map`} activeClass="active" end>
            {rt('navBattleMap')}
          </A>
          <A href={`/campaigns/${id()}/lists/clues`} activeClass="active" data-testid="nav-lists">
            {rt('navLists')}
          </A>
          <A href={`/campaigns/${id()}/reports`} activeClass="active" end>
            {rt('navReports')}
          </A>
          <A href={`/campaigns/${id()}/wall`} activeClass="active" end target="_blank">
            {rt('navWall')}
          </A>
          <Show when={me()?.role === 'admin'}>
            <A href="/admin/people" activeClass="active" end data-testid="nav-people">
              {pt('navPeople')}
            </A>
          </Show>
          <Show when={me()?.role === 'office'}>
            <A href={`/campaigns/${id()}/settings`} activeClass="active" end data-testid="nav-settings">
              {cm('navSettings')}
            </A>
          </Show>
        </nav>
      )}
    </Show>
  );
}
