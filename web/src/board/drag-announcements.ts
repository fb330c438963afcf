import { Plugin } from '@dnd-kit/abstract';
import { Accessibility, type DragDropManager, type DragDropManagerInput } from '@dnd-kit/dom';
import { createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { ItemKind } from '../api/client';
import { tr } from '../i18n/i18n';
import { dropTargetState } from './board-drag';
import { stateLabel } from './domain-labels';

/** The card a drag id names (`card-<kind>-<id>`, see cardDragId). */
function cardOf(id: unknown): { kind: ItemKind; id: number } | null {
  const match = typeof id === 'string' ? /^card-(clue|problem)-(\d+)$/.exec(id) : null;
  return match === null ? null : { kind: match[1] as ItemKind, id: Number(match[2]) };
}

const said = {
  pickedUp: (n: number): Label => ({ zh: `已拿起卡片 #${n}`, en: `Picked up card #${n}` }),
  over: (n: number, column: Label): Label => ({ zh: `卡片 #${n} 在“${column.zh}”列上方`, en: `Card #${n} is over “${column.en}”` }),
  overNothing: (n: number): Label => ({ zh: `卡片 #${n} 不在任何列上方`, en: `Card #${n} is not over a column` }),
  // Where it was let go, not where it now is: the move may yet be refused, which the board says next.
  droppedOn: (n: number, column: Label): Label => ({ zh: `卡片 #${n} 在“${column.zh}”列上松开`, en: `Card #${n} was let go over “${column.en}”` }),
  dropped: (n: number): Label => ({ zh: `卡片 #${n} 已放下`, en: `Card #${n} was dropped` }),
  canceled: (n: number): Label => ({ zh: `已取消拖动，卡片 #${n} 回到原处`, en: `Drag cancelled; card #${n} is back where it was` }),
};

type Target = { id: unknown; data?: unknown } | null | undefined;

function column(kind: ItemKind, target: Target): Label | null {
  const state = dropTargetState(target);
  return state === null ? null : stateLabel(kind, state);
}

/**
 * What a screen reader hears while a card is dragged, in the page's language
 * and in the board's words (card number, column name) rather than dnd-kit's
 * English defaults with internal ids. Whether the move was then accepted is
 * the board's own announcement.
 */
const announcements = {
  dragstart: ({ operation: { source } }: { operation: { source: { id: unknown } | null } }) => {
    const card = cardOf(source?.id);
    return card === null ? undefined : tr(said.pickedUp(card.id));
  },
  dragover: ({ operation: { source, target } }: { operation: { source: { id: unknown } | null; target: Target } }) => {
    const card = cardOf(source?.id);
    if (card === null) return undefined;
    const over = column(card.kind, target);
    return tr(over === null ? said.overNothing(card.id) : said.over(card.id, over));
  },
  dragend: ({ operation: { source, target }, canceled }: { operation: { source: { id: unknown } | null; target: Target }; canceled: boolean }) => {
    const card = cardOf(source?.id);
    if (card === null) return undefined;
    if (canceled) return tr(said.canceled(card.id));
    const on = column(card.kind, target);
    return tr(on === null ? said.dropped(card.id) : said.droppedOn(card.id, on));
  },
};

const [dragMessage, setDragMessage] = createSignal('');

/** What the drag said last, for the board's drag live region ({@link DragAnnouncer}). */
export { dragMessage };

/** How long a card must rest over a column before that is said: a drag across the board is not read column by column. */
const overPauseMs = 500;

/**
 * Says each drag in the board's words, in its own live region. In place of
 * dnd-kit's accessibility plugin, which also stamped `aria-pressed` on every
 * card, so screen readers announced each card as a toggle button, "not
 * pressed". The cards carry their own role, description and tab stop.
 */
class DragAnnouncements extends Plugin<DragDropManager> {
  constructor(manager: DragDropManager) {
    super(manager);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const say = (text: string | undefined, later: boolean) => {
      clearTimeout(pending);
      if (text === undefined) return;
      if (later) pending = setTimeout(() => setDragMessage(text), overPauseMs);
      else setDragMessage(text);
    };
    const off = [
      manager.monitor.addEventListener('dragstart', (event) => say(announcements.dragstart(event), false)),
      manager.monitor.addEventListener('dragover', (event) => say(announcements.dragover(event), true)),
      manager.monitor.addEventListener('dragend', (event) => say(announcements.dragend(event), false)),
    ];
    this.destroy = () => {
      clearTimeout(pending);
      for (const stop of off) stop();
      super.destroy();
    };
  }
}

/** dnd-kit's default plugins, with the board's own drag announcements in place of its accessibility plugin. */
export const boardPlugins: DragDropManagerInput['plugins'] = (defaults) => [...defaults.filter((plugin) => plugin !== Accessibility), DragAnnouncements];
