/** A text in both languages of the UI; Chinese first, as users read it. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

export type Locale = 'zh-CN' | 'en';

/** Picks the text of a label for a locale. */
export function pick(label: Label, locale: Locale): string {
  return locale === 'en' ? label.en : label.zh;
}
