import { api } from '../api/client';
import { t } from '../i18n/i18n';
import { toast } from '../ui/toast-store';
import { me, userReadAgain } from './session';
import { sameReach } from './same-reach';

let asking: Promise<void> | null = null;

/**
 * Asks the server again who is signed in, once the change stream is back
 * after a break. The server ends a stream when its reader's role or units
 * change (moved to another unit, their unit moved in the tree), and the
 * stream reopened is of what they may see now: the page takes the user as
 * they are now (what New offers, which units the filters offer), and says so
 * once when what they may see changed. Every stream of the page asks; those
 * asking together share one read, and the later ones find the user already
 * read again, so the user is told once.
 */
export function readReachAgain(): Promise<void> {
  asking ??= (async () => {
    try {
      const now = await api.session();
      const before = me();
      // No one signed in: the refused stream takes the page to the sign-in (see subscribeToChanges).
      if (now === null || before === null || before === undefined) return;
      if (JSON.stringify(before) === JSON.stringify(now)) return;
      userReadAgain(now);
      if (!sameReach(before, now)) toast(() => t('reachChanged'), 'info');
    } catch {
      // Not answered (the network again): the user stays as read; the next break asks again.
    } finally {
      asking = null;
    }
  })();
  return asking;
}

