import { localDateOf } from '../../../../engine/deadlines/local-time';

/** From this month on, a new campaign is offered for the next year: the last quarter is when a year's campaign is prepared. */
const preparedFromMonth = 10;

/**
 * The dates a new campaign's form offers: a calendar year, as the bureau's
 * campaigns run, by the server's clock in the campaign's zone (the browser's
 * may be another day, or a machine's wrong year). This year's, or in its last
 * quarter the next year's: made in December, this year's would end in days.
 */
export function defaultSpan(now: Date, timeZone: string): { startsOn: string; endsOn: string } {
  const today = localDateOf(now, timeZone);
  const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= preparedFromMonth ? 1 : 0);
  return { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
}
