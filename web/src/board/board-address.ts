import { boardQuery } from '../../../api/contracts/board';
import { validate } from '../../../engine/validation';
import type { FieldIssue } from '../../../engine/refusals';
import type { BoardSearch } from './board-source';

/**
 * The parts of the address the page itself turns into its view (which kind of
 * item, which lanes, the yes-or-no filters), checked as the server checks its
 * query. The page reads an absent or unknown one as its default, so without
 * this `?kind=problems` or `?overdue=yes` (a link edited by hand, an old
 * bookmark) would quietly show every clue. The other filters go to the server
 * as written, which refuses them by name.
 */
const boardAddress = boardQuery.pick({ kind: true, swimlane: true, overdue: true, escalated: true, asked: true });
const checkedByPage = Object.keys(boardAddress.shape);

/** The first part of the board's address it could not have written, or undefined when every one could. */
export function boardAddressRefusal(search: BoardSearch): FieldIssue | undefined {
  // An empty value is no value: the page clears a control by leaving it out.
  const given = Object.fromEntries(Object.entries(search).filter(([key, value]) => checkedByPage.includes(key) && value !== undefined && value !== ''));
  const checked = validate(boardAddress, given);
  return checked.ok ? undefined : checked.fields[0];
}
