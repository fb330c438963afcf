import { PointerSensor } from '@dnd-kit/solid';
import { PointerActivationConstraints } from '@dnd-kit/dom';

/**
 * Mouse drags start after a few pixels (a click stays a click); touch drags
 * after a press, so a swipe scrolls. Only a card the user may move starts a
 * drag (its `data-draggable`), and never from a control inside it (the
 * sensor's own rule).
 */
export const boardSensors = [
  PointerSensor.configure({
    preventActivation: (event, source) => source.element?.getAttribute('data-draggable') !== 'true' || (PointerSensor.defaults.preventActivation?.(event, source) ?? false),
    activationConstraints: (event) =>
      event.pointerType === 'touch' ? [new PointerActivationConstraints.Delay({ value: 300, tolerance: 8 })] : [new PointerActivationConstraints.Distance({ value: 6 })],
  }),
];

/** The state a drop target stands for: a column (`column-…`) or a lane cell (its data carries the state). */
export function dropTargetState(target: { id: unknown; data?: unknown } | null | undefined): string | null {
  if (target === null || target === undefined) return null;
  const data = target.data;
  if (typeof data === 'object' && data !== null && 'state' in data && typeof data.state === 'string') return data.state;
  return typeof target.id === 'string' && target.id.startsWith('column-') ? target.id.slice('column-'.length) : null;
}

/** The lane a drop target sits in (a lane cell's data carries its key), or null for a column of a board without lanes. */
export function dropTargetLane(target: { data?: unknown } | null | undefined): string | null {
  const data = target?.data;
  return typeof data === 'object' && data !== null && 'lane' in data && typeof data.lane === 'string' ? data.lane : null;
}
