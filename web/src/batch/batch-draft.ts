import { keepDraft, readDraft, type DraftOf } from '../board/drafts';
import type { FormValues } from '../board/payload-fields';
import { itemKey, type ItemRef } from './batch-left';
import type { BatchAction } from './batch-plan';

/**
 * What a batch's dialog keeps of what was typed for a change (a move's reason, an extension's day and reason, a
 * transfer's unit and reason), for the items it was typed for: a batch that changed some items and left others
 * keeps it for those left, so that the same change opened again for them (they stay selected) starts from it, not
 * from nothing. Kept in the tab, as the drawer's drafts are (see drafts.ts): one per change and campaign.
 */
interface KeptDraft {
  readonly items: readonly string[];
  readonly values: FormValues;
}

/** The draft's text: the fields typed, and the items they are for; null when nothing is typed. */
export function draftText(items: readonly ItemRef[], values: FormValues): string | null {
  if (Object.values(values).every((value) => value.trim() === '')) return null;
  const kept: KeptDraft = { items: items.map(itemKey).sort(), values };
  return JSON.stringify(kept);
}

/** Whether a kept draft was typed for these same items, in any order. */
function isFor(kept: unknown, items: readonly ItemRef[]): kept is { items: string[]; values: unknown } {
  if (typeof kept !== 'object' || kept === null || !('items' in kept)) return false;
  const typedFor: unknown = kept.items;
  const keys = items.map(itemKey).sort();
  return Array.isArray(typedFor) && typedFor.length === keys.length && keys.every((key, i) => typedFor[i] === key);
}

const parsed = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** The fields of a kept draft, if it was typed for these same items (another selection starts from nothing); else null. */
export function draftFor(text: string | null, items: readonly ItemRef[]): FormValues | null {
  const kept = parsed(text);
  if (!isFor(kept, items) || typeof kept.values !== 'object' || kept.values === null) return null;
  return Object.fromEntries(Object.entries(kept.values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** A change as the draft's name has it: `extend`, `move.verifying`. */
export const actionName = (action: BatchAction): string => (action.type === 'move' ? `move.${action.to}` : action.type);

/**
 * The draft of a change to a campaign's items, for one user: read for a selection, kept as typed for it, and
 * dropped once nothing is left to do for it (or its Cancel says to); a draft of another selection is left alone.
 */
export function batchDraft(userId: number, campaignId: number, action: BatchAction) {
  const of: DraftOf = { batch: { campaignId, action: actionName(action) } };
  const drop = (items: readonly ItemRef[]) => {
    if (isFor(parsed(readDraft(userId, of)), items)) keepDraft(userId, of, null);
  };
  return {
    read: (items: readonly ItemRef[]): FormValues | null => draftFor(readDraft(userId, of), items),
    keep(items: readonly ItemRef[], values: FormValues): void {
      const text = draftText(items, values);
      if (text === null) drop(items);
      else keepDraft(userId, of, text);
    },
    drop,
  };
}
