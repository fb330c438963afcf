import { createMemo } from 'solid-js';
import type { BoardFilters, InboxView, ItemKind, Swimlane } from '../api/client';
import { refusedAddress } from '../ui/address-check';
import { boardAddressIssues } from './board-address';
import { boardFilterKeys, filtersOf, kindOf, sideColumnsOf, swimlaneOf, type BoardFilterKey, type BoardSearch, type BoardSource } from './board-source';

/** A change to the board's address: each name given is set, or left out when given as undefined. */
export type BoardSearchChange = { [K in keyof BoardSearch]?: string | undefined };

/** Two reads of the address taken as one when they say the same, so that what follows them (the board's read) is not redone. */
export const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/** The item whose drawer the address opens (`?item=12`), or null for none or a value that names no item. */
export const openIdOf = (search: BoardSearch): number | null => (search.item !== undefined && /^\d+$/.test(search.item) ? Number(search.item) : null);

/** The tab of the escalation inbox the address opens (`?inbox=mine`), or null when it is closed. */
export const inboxViewOf = (search: BoardSearch): InboxView | null => (search.inbox === 'mine' || search.inbox === 'unit' || search.inbox === 'asked' ? search.inbox : null);

/** The filters the address holds, taken or not (`?overdue=yes`, which the board refuses): what "clear" clears. */
export const filtersGivenIn = (search: BoardSearch): BoardFilterKey[] => boardFilterKeys.filter((key) => Boolean(search[key]));

/** The change to the address that clears every filter it may hold. */
export const filtersCleared = (): BoardSearchChange => Object.fromEntries(boardFilterKeys.map((key) => [key, undefined]));

/**
 * What the board's address says the page shows: the campaign's board of one kind, in lanes or not, filtered, with its
 * side columns open, an item's drawer or the inbox open; and why it cannot be read as a board, when it cannot.
 */
export function createBoardView(search: BoardSearch, campaignId: () => number) {
  const kind = (): ItemKind => kindOf(search);
  const swimlane = (): Swimlane => swimlaneOf(search);
  const filters = createMemo((): BoardFilters => filtersOf(search), undefined, { equals: sameJson });
  const source = createMemo((): BoardSource => ({ campaignId: campaignId(), kind: kind(), swimlane: swimlane(), filters: filters() }), undefined, { equals: sameJson });
  // The side columns open are kept in the address, so that a reload, Back and Forward, and a shared link keep them open.
  const sideColumnsOpen = createMemo(() => sideColumnsOf(search));
  /** Why the address cannot be read as a board (`?swimlane=units`, `?overdue=yes`): said in the board's place, and nothing is asked of the server. */
  const addressRefused = createMemo(() => refusedAddress({ zh: '看板地址有误', en: 'The board address is not valid' }, boardAddressIssues(search)));
  const openId = () => openIdOf(search);
  // One drawer for each item opened, not one for each read of the address (see BoardDrawer's keyed Show).
  const openItem = createMemo(
    (): { kind: ItemKind; id: number } | null => {
      const id = openId();
      return id === null ? null : { kind: kind(), id };
    },
    null,
    { equals: sameJson },
  );
  const inboxView = () => inboxViewOf(search);
  const filtersInAddress = createMemo(() => filtersGivenIn(search), [], { equals: sameJson });
  return { kind, swimlane, filters, source, sideColumnsOpen, addressRefused, openId, openItem, inboxView, filtersInAddress };
}

export type BoardView = ReturnType<typeof createBoardView>;
