import type { Label } from '../../../engine/labels';
import { messages } from '../i18n/messages';
import { figureLabel } from './outcome-labels';

/** Whether a value of an item's context or an entry's payload is a record of its own (an outcome, a rectification). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the drawer calls a key of an item's context or an entry's payload: a field's label, else a figure's. */
export function keyLabel(key: string): Label {
  return key in messages ? messages[key as keyof typeof messages] : figureLabel(key);
}
