import { A, useLocation, useParams } from '@solidjs/router';
import { Show, createEffect, createSignal, on, onCleanup } from 'solid-js';
import { rememberCampaign } from '../session/last-campaign';
import { rt } from './messages';
import { CampaignSwitch } from './campaign-switch';
import { pt } from '../admin/people/messages';
import { cm } from '../admin/campaign/messages';
import { movesItems } from '../../../engine/actor';
import { me } from '../session/session';
import { onPressOutside } from '../ui/press-outside';
import './reports.css';

/**
 * Links between a campaign's pages: board, import, battle map, lists, reports, wall. Shown in the top bar of a campaign page.
 * On a phone they fold behind a menu button at the top bar's start, so that the bar keeps to two rows (four in English
 * when the links wrapped under the title) and the cards start higher; the button opens them as a list under the bar.
 */
export function CampaignNav() {
  const params = useParams<{ id?: string }>();
  const location = useLocation();
  const [open, setOpen] = createSignal(false);
  let pages: HTMLDivElement | undefined;
  let toggle: HTMLButtonElement | undefined;
  const close = (focusBack: boolean) => {
    if (!open()) return;
    setOpen(false);
    if (focusBack) toggle?.focus();
  };
  // A page chosen closes the list (the wall's, opened in a new tab, by the click below).
  createEffect(on(() => location.pathname, () => close(false), { defer: true }));
  onPressOutside(() => pages, () => close(false));
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close(true);
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));
  const closeOnLink = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('a') !== null) close(false);
  };
  // Tabbing on past the last link leaves the list open over the board no more.
  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget instanceof Node && pages?.contains(event.relatedTarget) !== true) close(false);
  };
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
        <div class="campaign-pages" classList={{ open: open() }} ref={pages} onFocusOut={onFocusOut}>
          <button
            type="button"
            ref={toggle}
            class="campaign-pages-toggle"
            aria-expanded={open()}
            aria-controls="campaign-nav"
            aria-label={rt('campaignNav')}
            title={rt('campaignNav')}
            data-testid="campaign-pages-toggle"
            onClick={() => setOpen(!open())}
          >
            <span aria-hidden="true">☰</span>
          </button>
          <nav id="campaign-nav" class="campaign-nav" aria-label={rt('campaignNav')} data-testid="campaign-nav" onClick={closeOnLink}>
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
        </div>
      )}
    </Show>
  );
}
