import { createEffect, on } from 'solid-js';
import { readerScope, unitFilterInReach } from '../ui/reader-scope';
import { me } from './session';

/**
 * Drops a page's unit filter once the user, read again while the page is
 * open (see readReachAgain), no longer sees that unit: moved to another
 * county, the board filtered to the old one would read empty, its filter
 * offering a unit they no longer have.
 */
export function dropUnitFilterOutOfReach(unit: () => string | undefined, drop: () => void): void {
  createEffect(
    on(
      me,
      (user) => {
        if (!unitFilterInReach(unit(), readerScope(user))) drop();
      },
      { defer: true },
    ),
  );
}
