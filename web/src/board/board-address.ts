import { boardQuery } from '../../../api/contracts/board';
import type { FieldIssue } from '../../../engine/refusals';
import { addressIssues } from '../ui/address-check';
import { z } from 'zod';
import { sideColumnAddresses, type BoardSearch } from './board-source';

/**
 * Which board the address names: the clues' or the problems'. As a list's name
 * is in the lists' address, this is the board's: one there is none of
 * (`?kind=problems`, typed by hand) is no page at all, said as an unknown
 * list's is, not refused in code words (应为以下之一：clue、problem).
 */
const whichBoard = boardQuery.pick({ kind: true });

/** Whether the address names a board there is none of; an emptied kind names none (the clues' board). */
export const namesNoBoard = (search: BoardSearch): boolean => addressIssues(whichBoard, search).length > 0;

/**
 * The parts of the address the page itself turns into its view (which lanes,
 * the yes-or-no filters, the side columns), checked as the server checks its
 * query. The page reads an absent or unknown one as its default, so without
 * this `?overdue=yes` (a link edited by hand, an old bookmark) would quietly
 * show every clue, and `?side=unfound` no side column open. The other filters
 * go to the server as written, which refuses them by name.
 */
const boardAddress = boardQuery
  .pick({ swimlane: true, overdue: true, escalated: true, asked: true })
  .extend({ side: z.enum(sideColumnAddresses).optional() });

/** Every part of the board's address it could not have written, each with why; none when every one could. */
export const boardAddressIssues = (search: BoardSearch): readonly FieldIssue[] => addressIssues(boardAddress, search);
