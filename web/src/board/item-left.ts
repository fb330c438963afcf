import type { Label } from '../../../engine/labels';
import type { CampaignDetail, ItemDetail, ItemKind } from '../api/client';
import { extensionMessages } from '../deadlines/messages';
import { messages } from '../i18n/messages';
import { draftedForms, type DraftedForm } from './drafted-forms';
import { readDraft, draftValues, keepDraft, type DraftOf } from './drafts';

/**
 * What the drawer says of an item it showed that the user can no longer read, someone else having taken it out of
 * their units while it was open, and what it shows of what they typed on it and did not send: the forms went with the
 * item, and their text with them, though its drafts were kept.
 */
export const leftMessages = {
  transferred: {
    zh: '此事项已被他人移交出您的单位（原属“{unit}”），您已不能查看或办理。它现在所属的单位和此后的办理情况不在您的查看范围内。',
    en: 'Someone else has transferred this item out of your units (it was with {unit}): you can no longer see it or act on it. Which unit has it now, and what is done with it, is outside what you can see.',
  },
  reachChanged: {
    zh: '您负责的单位已调整，此事项（属“{unit}”）已不在您的查看范围内，您已不能查看或办理。',
    en: 'Your units have changed: this item (with {unit}) is no longer within what you can see, and you can no longer act on it.',
  },
  unsent: {
    zh: '您在此事项上填写但未提交的内容仍保留在这里（不会再提交），可复制后另作他用：',
    en: 'What you typed on this item and did not send is still here (it will not be sent), to copy and use elsewhere:',
  },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  copyFailed: { zh: '未能复制：文字已选中，请按 Ctrl+C 复制', en: 'Could not copy: the text is selected, press Ctrl+C' },
} satisfies Record<string, Label>;

const filled = (label: Label, values: Readonly<Record<string, Label>>): Label => ({
  zh: label.zh.replace(/\{(\w+)\}/g, (_, name: string) => values[name]?.zh ?? ''),
  en: label.en.replace(/\{(\w+)\}/g, (_, name: string) => values[name]?.en ?? ''),
});

/**
 * Why an item the drawer showed (`seen`, as last read) is read no more: taken out of the reader's units by someone else
 * (its unit is still one they see, so the item left it), or their own units changed (its unit is no longer among
 * them). `scope` is the units the reader sees now, null for everyone's (see readerScope).
 */
export function leftNotice(seen: Pick<ItemDetail, 'unitId'>, scope: ReadonlySet<string> | null, units: CampaignDetail['units']): Label {
  const unit = units.find((u) => u.id === seen.unitId);
  const named = unit === undefined ? { zh: seen.unitId, en: seen.unitId } : { zh: unit.nameZh, en: unit.nameEn };
  return filled(scope === null || scope.has(seen.unitId) ? leftMessages.transferred : leftMessages.reachChanged, { unit: named });
}

type ItemOf = { readonly kind: ItemKind; readonly id: number };

const unitSeenOf = (item: ItemOf): DraftOf => ({ unitSeen: { kind: item.kind, id: item.id } });

/**
 * Keeps the unit an item is with, as the drawer reads it, beside what the user types on it, in the tab's storage as
 * the drafts are (see drafts.ts): a drawer opened on it after a reload, the item gone meanwhile, never read it, and
 * says where it was all the same rather than that it "may have been" transferred (see unitSeen).
 */
export function keepUnitSeen(userId: number, item: Pick<ItemDetail, 'kind' | 'id' | 'unitId'>): void {
  if (readDraft(userId, unitSeenOf(item)) !== item.unitId) keepDraft(userId, unitSeenOf(item), item.unitId);
}

/** The unit kept by keepUnitSeen, as the item was last read in this tab; null when none was. */
export function unitSeen(userId: number, item: ItemOf): Pick<ItemDetail, 'unitId'> | null {
  const unitId = readDraft(userId, unitSeenOf(item));
  return unitId === null ? null : { unitId };
}

/**
 * Forgets the unit kept by keepUnitSeen: the drawer closed with nothing typed left to show, or the user transferring
 * the item out of their units themselves (its drawer would otherwise say someone else did).
 */
export function forgetUnitSeen(userId: number, item: ItemOf): void {
  keepDraft(userId, unitSeenOf(item), null);
}

/** One text typed on an item and not sent: what it was (the form and its field) and the text as typed. */
export interface UnsentText {
  /** Unique among an item's texts. */
  readonly key: string;
  readonly what: Label;
  readonly text: string;
}

const titled = (form: Label, field: Label): Label => ({ zh: `${form.zh} · ${field.zh}`, en: `${form.en} · ${field.en}` });

const formLabels: Readonly<Record<DraftedForm, Label>> = {
  edit: messages.edit,
  transfer: messages.transfer,
  extend: extensionMessages.extend,
  ask: extensionMessages.ask,
  decline: extensionMessages.decline,
  merge: messages.merge,
  untypical: messages.withdrawTypical,
};

// The fields of the drafted forms that hold text the user wrote; the rest are choices (a unit, a day, a person) or the
// draft's own notes (the version, what an edited field held).
const writtenFields: readonly { readonly name: string; readonly label: Label }[] = [
  { name: 'title', label: messages.title },
  { name: 'description', label: messages.description },
  { name: 'reason', label: messages.reason },
];

/**
 * What one user typed on one item and did not send, as its drafts keep it (see drafts.ts): the work note, the
 * typical-case summary, and the written fields of the other forms, in the drawer's order. Texts of nothing but spaces
 * are none.
 */
export function unsentTexts(userId: number, item: { readonly kind: ItemKind; readonly id: number }): readonly UnsentText[] {
  const texts: UnsentText[] = [];
  const add = (key: string, what: Label, text: string | null | undefined) => {
    if (text !== null && text !== undefined && text.trim() !== '') texts.push({ key, what, text });
  };
  add('note', messages.noteTitle, readDraft(userId, { note: { kind: item.kind, id: item.id } }));
  if (item.kind === 'clue') add('typical', titled(messages.typicalCase, messages.summary), readDraft(userId, { typical: { id: item.id } }));
  for (const form of draftedForms) {
    const of: DraftOf = { form: { kind: item.kind, id: item.id, action: form } };
    const fields = draftValues(readDraft(userId, of));
    for (const field of writtenFields) add(`${form}.${field.name}`, titled(formLabels[form], field.label), fields?.[field.name]);
  }
  return texts;
}
