import { api, type Board, type CampaignDetail } from '../api/client';
import { firstPageQuery, readsAsWritten, sourceOf, type BoardSource } from './board-source';

interface Early {
  readonly key: string;
  readonly campaignId: number;
  board: Promise<Board> | null;
  campaign: Promise<CampaignDetail> | null;
}

let early: Early | null = null;

const keyOf = (source: BoardSource) => JSON.stringify([source.campaignId, firstPageQuery(source)]);

/**
 * Opening the app on a board URL: asks for the board and its campaign at
 * once, from the page's small entry while the app's code is still loading
 * and beside the session check, instead of one after the other (code,
 * session, then campaign and board). A 401 here is left to the session
 * check, which sends the user to the login page.
 */
export function prefetchBoard(location: Pick<Location, 'pathname' | 'search'>): void {
  const match = /^\/campaigns\/(\d+)\/board\/?$/.exec(location.pathname);
  if (match === null) return;
  const campaignId = Number(match[1]);
  const search = Object.fromEntries(new URLSearchParams(location.search));
  // An address the page refuses is read as no board (it says why); the campaign is still read for the page around it.
  const source = sourceOf(campaignId, search);
  const board = readsAsWritten(search) ? api.board(campaignId, firstPageQuery(source), { quiet401: true }) : null;
  const campaign = api.campaign(campaignId, { quiet401: true });
  // Nobody may ever take them (the user is sent to log in first): a rejection is not an error until then.
  board?.catch(() => undefined);
  campaign.catch(() => undefined);
  early = { key: keyOf(source), campaignId, board, campaign };
}

/**
 * The first page of this board view if it was asked for early, else a
 * fresh read; either way only once. A failed early read is read again.
 */
export async function firstBoardPage(source: BoardSource): Promise<Board> {
  const taken = early !== null && early.key === keyOf(source) ? early.board : null;
  if (early !== null) early.board = null;
  const fresh = () => api.board(source.campaignId, firstPageQuery(source));
  return taken === null ? fresh() : taken.catch(fresh);
}

/** The campaign, from the early read when it was made for this campaign, else from the server. */
export async function campaignDetail(campaignId: number): Promise<CampaignDetail> {
  const taken = early !== null && early.campaignId === campaignId ? early.campaign : null;
  if (early !== null) early.campaign = null;
  const fresh = () => api.campaign(campaignId);
  return taken === null ? fresh() : taken.catch(fresh);
}
