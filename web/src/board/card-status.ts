import type { Card } from '../api/client';
import { colon, t, tr } from '../i18n/i18n';
import { am } from '../attachments/messages';
import { xm } from '../deadlines/messages';
import type { BoardContext } from './board-context';
import type { PendingMove } from './board-state';
import { bm } from './board-messages';
import { dueShown } from './due-shown';
import { levelLabels } from './domain-labels';
import { spokenAge } from './format';
import { calendarDay, dateTime, dueDate } from '../ui/dates';

/** What a card's status is read with: the board's zone, the instant it is judged at, and its units' and categories' names. */
export type CardStatusContext = Pick<BoardContext, 'timeZone' | 'asOf' | 'unitName' | 'categoryName'>;

const labelled = (label: string, value: string) => `${label}${colon()}${value}`;

/**
 * What a sighted user reads on a card's face besides its number and title, as one text for a screen reader
 * (a card's accessible name replaces what its face shows): the escalation level, deadline, assignee, unit and
 * category first, as a user scanning the board weighs them, then the marks a card has only sometimes.
 */
export function cardStatus(card: Card, context: CardStatusContext, pending: PendingMove | undefined): string {
  const level = card.level > 0 ? levelLabels[card.level] : undefined;
  const category = card.categoryId === null ? null : context.categoryName(card.categoryId);
  const parts = [
    level === undefined ? null : tr(level),
    card.dueAt === null ? dueShown(card, context.timeZone()) : labelled(t('due'), dueDate(card.dueAt, context.timeZone())),
    card.assigneeName === null ? t('unassigned') : labelled(t('assignee'), card.assigneeName),
    labelled(t('unit'), context.unitName(card.unitId)),
    category === null ? null : labelled(t('category'), category),
    bm('inStateFor', { age: spokenAge(card.enteredAt, context.asOf()) }),
    card.attachmentCount > 0 ? labelled(am('title'), String(card.attachmentCount)) : null,
    card.lastNoteAt === null ? null : labelled(t('lastNoteAt'), dateTime(card.lastNoteAt, context.timeZone())),
    card.extensionAskedUntil === null ? null : xm('askedChipTitle', { date: calendarDay(card.extensionAskedUntil) }),
    card.typical ? t('typicalCase') : null,
    pending === undefined ? null : pending.stage === 'draft' ? t('awaitingDetails') : t('submitting'),
  ];
  // Set apart as clauses, so a screen reader pauses between them.
  return `${parts.filter((part) => part !== null).join(tr({ zh: '；', en: '; ' }))}${tr({ zh: '。', en: '.' })}`;
}

/**
 * A card's accessible name: its number and title, then what its face says. Not its description: that stays
 * the key help the cards share (`card-help`…), a single element tests and screen readers read on its own.
 */
export function cardLabel(card: Card, context: CardStatusContext, pending: PendingMove | undefined): string {
  return `#${card.id} ${card.title}${tr({ zh: '。', en: '. ' })}${cardStatus(card, context, pending)}`;
}
