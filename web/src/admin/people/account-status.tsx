import { Show } from 'solid-js';
import { lang } from '../../i18n/i18n';
import type { UserAccount } from './api';
import { pt, ptFilled } from './messages';
import { dateTime } from '../../ui/dates';
import { adminZone } from './admin-zone';

/** An account as a question's heading names it: 孙七（sun.qi）, Sun Qi (sun.qi): the row it was asked from may be out of sight. */
export const accountName = (user: Pick<UserAccount, 'displayName' | 'username'>) => (lang() === 'zh' ? `${user.displayName}（${user.username}）` : `${user.displayName} (${user.username})`);

/** Whether an account is active, and whether its user must change the password given them. */
export function AccountStatus(props: { user: Pick<UserAccount, 'disabledAt' | 'mustChangePassword' | 'openItems' | 'lockedUntil'> }) {
  return (
    <td>
      <Show when={props.user.disabledAt !== null} fallback={<span class="chip ok">{pt('active')}</span>}>
        <span class="chip danger">{pt('disabled')}</span>
      </Show>
      <Show when={props.user.mustChangePassword}>
        <span class="chip">{pt('mustChange')}</span>
      </Show>
      {/* Refused at sign-in by their own wrong passwords: until when, and that a reset lifts it (the row said only 启用). */}
      <Show when={props.user.lockedUntil}>
        {(until) => (
          <span class="chip warning" title={pt('lockedHint')} data-testid="locked-until">
            {ptFilled('lockedUntil', { at: dateTime(until(), adminZone, { year: false }) })}
          </span>
        )}
      </Show>
      {/* What they still hold: for a disabled account, work no one does until a lead reassigns it. */}
      <Show when={props.user.openItems > 0}>
        <span class="chip" classList={{ warning: props.user.disabledAt !== null }} data-testid="open-items">
          {/* One item is 1 open item in English (it read "1 open items"). */}
          {props.user.openItems === 1 ? pt(props.user.disabledAt === null ? 'holdingOne' : 'holdingDisabledOne') : ptFilled(props.user.disabledAt === null ? 'holding' : 'holdingDisabled', { n: props.user.openItems })}
        </span>
      </Show>
    </td>
  );
}
