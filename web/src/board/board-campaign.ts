import { createMemo, createResource } from 'solid-js';
import type { Role } from '../../../engine/actor';
import type { CampaignDetail } from '../api/client';
import { me } from '../session/session';
import { usePageTitle } from '../ui/page-title';
import { campaignDetail } from './board-prefetch';
import type { MovesNone } from './card-fixed';

/** Whether a role changes cards at all: viewers and admins do not. */
export const changesCards = (role: Role | undefined): boolean => role === 'office' || role === 'lead' || role === 'officer';

/** The campaign of the board's address, read for the board and the page's title, and what it lets the user do. */
export function createBoardCampaign(campaignId: () => number) {
  const [campaign, { refetch }] = createResource(campaignId, (id) => campaignDetail(id));
  usePageTitle('board', campaign);
  // The campaign as the board shows it. Read again (its settings changed) and failed, the one shown stays: the board goes
  // on, its open dialog kept, rather than giving way to the page's notice (see PageTrouble); a first read that fails does.
  const shown = createMemo((before: CampaignDetail | undefined) => {
    if (campaign.error === undefined) return campaign();
    if (before !== undefined && before.id === campaignId()) return before;
    throw campaign.error;
  });
  // Nothing moves in a concluded campaign (the server refuses it): no create and no batch to offer, only to be refused.
  const movesNone = (): MovesNone | null => (!changesCards(me()?.role) ? 'readOnly' : shown()?.state === 'concluded' ? 'concluded' : null);
  const mayMove = () => movesNone() === null;
  // The error first: a resource that failed throws when read.
  const settled = () => campaign.error !== undefined || campaign() !== undefined;
  return { shown, settled, refetch: () => void refetch(), mayMove, movesNone };
}
