import type { Actor } from '../actor';
import { refuse } from '../refusals';
import { standardRefusal } from './checks';
import { whoRefusal, type Responsibility } from './permissions';
import type { Refused } from './types';

/**
 * Who may create an item in a unit: the office anywhere, unit leads and
 * officers in their own scope (officers find clues too). Nothing is created
 * once the campaign has concluded.
 */
export function creationRefusal(actor: Actor, item: Responsibility, campaignConcluded: boolean): Refused | null {
  if (campaignConcluded) return { ok: false, refusal: standardRefusal('campaign_concluded') };
  const code = whoRefusal('scope', actor, item);
  if (code !== null) return { ok: false, refusal: refuse(code) };
  if (actor.role === 'officer' && item.assigneeId !== null && item.assigneeId !== actor.userId) {
    return {
      ok: false,
      refusal: refuse('role_forbidden', undefined, {
        zh: '民警只能把新线索分配给自己',
        en: 'An officer may only assign a new item to themselves',
      }),
    };
  }
  return null;
}
