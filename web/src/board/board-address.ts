import { boardQuery } from '../../../api/contracts/board';
import type { FieldIssue } from '../../../engine/refusals';
import { addressIssue } from '../ui/address-check';
import { z } from 'zod';
import { sideColumnAddresses, type BoardSearch } from './board-source';

/**
 * The parts of the address the page itself turns into its view (which kind of
 * item, which lanes, the yes-or-no filters), checked as the server checks its
 * query. The page reads an absent or unknown one as its default, so without
 * this `?kind=problems` or `?overdue=yes` (a link edited by hand, an old
 * bookmark) would quietly show every clue, and `?side=unfound` no side column
 * open. The other filters go to the server as written, which refuses them by
 * name.
 */
const boardAddress = boardQuery
  .pick({ kind: true, swimlane: true, overdue: true, escalated: true, asked: true })
  .extend({ side: z.enum(sideColumnAddresses).optional() });

/** The first part of the board's address it could not have written, or undefined when every one could. */
export const boardAddressRefusal = (search: BoardSearch): FieldIssue | undefined => addressIssue(boardAddress, search);
