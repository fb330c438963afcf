import type { Actor } from '../actor';
import { refuse } from '../refusals';
import { standardRefusal } from './checks';
import { whoRefusal, type Responsibility } from './permissions';
import type { Refused } from './types';

const outsideScope = { zh: '只能在本单位或下属单位新建', en: 'You may create items only in your own unit or a unit below it' };
const selfOnly = { zh: '民警只能把新线索分配给自己', en: 'An officer may only assign a new item to themselves' };

/**
 * Who may create an item in a unit: the office anywhere, unit leads and
 * officers in their own scope (officers find clues too). Nothing is created
 * once the campaign has concluded.
 */
export function creationRefusal(actor: Actor, item: Responsibility, campaignConcluded: boolean): Refused | null {
  if (campaignConcluded) return { ok: false, refusal: standardRefusal('campaign_concluded') };
  const code = whoRefusal('scope', actor, item);
  // Out of scope, the unit chosen is what is wrong: the form marks that field.
  if (code === 'out_of_scope') return { ok: false, refusal: refuse(code, [{ field: 'unitId', message: outsideScope }]) };
  if (code !== null) return { ok: false, refusal: refuse(code) };
  if (actor.role === 'officer' && item.assigneeId !== null && item.assigneeId !== actor.userId) {
    return {
      ok: false,
      refusal: refuse('role_forbidden', [{ field: 'assigneeId', message: selfOnly }], selfOnly),
    };
  }
  return null;
}
