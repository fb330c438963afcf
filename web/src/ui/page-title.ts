import { createEffect, onCleanup, type Accessor, type Resource } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { named, t, tr } from '../i18n/i18n';
import { unlessFailed } from './read-shown';
import { messages } from '../i18n/messages';
import { reportMessages } from '../reports/messages';
import { campaignAdminMessages } from '../admin/campaign/messages';
import { peopleMessages } from '../admin/people/messages';

/** The pages of the app, as the browser's tab and history name them: by the words their links and headings use. */
export const pageNames = {
  board: reportMessages.navBoard,
  import: reportMessages.navImport,
  // Not the nav's "作战图": that is the app's own name, which ends every title.
  battleMap: { zh: '挂图作战', en: 'Battle map' },
  reports: reportMessages.navReports,
  wall: reportMessages.navWall,
  settings: campaignAdminMessages.title,
  people: peopleMessages.pageTitle,
  changePassword: peopleMessages.ownChangeTitle,
  login: messages.signIn,
  newCampaign: campaignAdminMessages.newCampaign,
} satisfies Record<string, Label>;

export type PageName = keyof typeof pageNames;

type Named = { readonly nameZh: string; readonly nameEn: string };

/** Where a page has its campaign: a resource (read through unlessFailed, as a failed read throws) or a plain getter. */
type CampaignRead = Resource<Named | undefined> | Accessor<Named | null | undefined>;

const campaignOf = (read: CampaignRead): Named | null | undefined => ('error' in read ? unlessFailed(read) : read());

/**
 * A tab's title in the current language: the page first (what tells one tab
 * from another when the tabs are narrow), then the campaign, then the app.
 */
export function pageTitle(page: PageName | Label, campaign?: Named | null): string {
  const pageLabel = typeof page === 'string' ? pageNames[page] : page;
  const parts = [tr(pageLabel), ...(campaign ? [named(campaign)] : []), t('appName')];
  return parts.join(' · ');
}

/** Which page wrote the title last: only that page puts it back when it closes. */
let titleOwner: symbol | undefined;

/**
 * Keeps the document's title on this page (and its campaign, once read), in
 * the UI language: every page of the app was "Battlemap 作战图", so a screen
 * reader, the tab strip and the history could not tell them apart. The page
 * is a name of `pageNames` or, for a page whose name changes (the lists), a
 * getter of its label. A campaign whose read failed is left out, not thrown
 * to the page's notice: the page says the failure in its own place.
 */
export function usePageTitle(page: PageName | (() => Label), campaign?: CampaignRead): void {
  const owner = Symbol('page-title');
  createEffect(() => {
    document.title = pageTitle(typeof page === 'function' ? page() : page, campaign === undefined ? undefined : campaignOf(campaign));
    titleOwner = owner;
  });
  // The next page sets its own; a page that sets none (the "no such page") is not left under the old one's name.
  onCleanup(() => {
    if (titleOwner === owner) document.title = t('appName');
  });
}
