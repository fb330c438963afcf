import { Accessibility, type DragDropManagerInput } from '@dnd-kit/dom';
import type { Label } from '../../../engine/labels';
import type { ItemKind } from '../api/client';
import { tr } from '../i18n/i18n';
import { messages } from '../i18n/messages';
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

/**
 * dnd-kit's default plugins, with its accessibility plugin speaking the
 * board's language. Its instructions are the cards' own help (a card points
 * at that by aria-describedby): the keyboard moves a card by its menu.
 */
export const boardPlugins: DragDropManagerInput['plugins'] = (defaults) =>
  defaults.map((plugin) => (plugin === Accessibility ? Accessibility.configure({ announcements, screenReaderInstructions: { draggable: tr(messages.cardHelpMovable) } }) : plugin));
