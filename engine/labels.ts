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

/**
 * A name quoted in Chinese text, “…”: its own quotation marks become the
 * inner ones, ‘…’, as Chinese nests them (“网络‘套路贷’”, not “网络“套路贷””).
 */
export function quotedZh(name: string): string {
  return `“${name.replaceAll('“', '‘').replaceAll('”', '’')}”`;
}
