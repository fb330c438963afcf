/**
 * People administration reads times in the administrator's own zone: accounts, sessions and their log belong to no
 * campaign, whose zone the board's, the reports' and the wall's pages use.
 */
export const adminZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
