import { z } from 'zod';
import { addressIssues } from '../../ui/address-check';

/** The people page's tabs, in their order. The first is the page's plain address (`/admin/people`). */
export const peopleTabs = ['users', 'bulk', 'units', 'policy', 'sessions', 'log'] as const;
export type PeopleTab = (typeof peopleTabs)[number];

/** What the people page keeps in its address: the tab shown, so a reload, a link or Back comes to it again. */
export type PeopleSearch = {
  tab?: string;
};

/**
 * Which tab the address names. As a board's kind or a report's phase is,
 * it is part of which page the address is: a tab there is none of
 * (`?tab=session`, typed by hand, an old bookmark) is an address no page
 * answers to, not the users' tab shown as if asked for.
 */
const whichTab = z.object({ tab: z.enum(peopleTabs).optional() });

/** Whether the address names a tab there is none of; an emptied tab names none (the first). */
export const namesNoTab = (search: PeopleSearch): boolean => addressIssues(whichTab, search).length > 0;

/** The tab the address names, or the first when it names none. */
export const tabOf = (search: PeopleSearch): PeopleTab => peopleTabs.find((tab) => tab === search.tab) ?? peopleTabs[0];

/** The address's value for a tab: none for the first, whose address is the page's plain one. */
export const tabAddress = (tab: PeopleTab): string | undefined => (tab === peopleTabs[0] ? undefined : tab);
