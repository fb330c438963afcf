import { createEffect, createRoot, createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import { messages, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';

const storageKey = 'battlemap.lang';

/** The language chosen on this browser before; else the first of the browser's languages we speak; else Chinese. */
function storedLang(): Lang {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // No storage: fall back on the browser's languages.
  }
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'zh';
}

const [lang, setLangSignal] = createSignal<Lang>(storedLang());

createRoot(() => {
  createEffect(() => {
    document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  });
});

export { lang };

/** Switches the UI language and remembers it on this browser. */
export function setLang(next: Lang): void {
  setLangSignal(next);
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // A browser that refuses storage still switches for this page.
  }
}

/** A bilingual label in the current language. */
export function tr(label: Label): string {
  return lang() === 'en' ? label.en : label.zh;
}

/** A bilingual label in the current language with its `{name}` places filled in (a place with no value is left empty). */
export function trFilled(label: Label, values: Readonly<Record<string, string | number>>): string {
  return tr(label).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** One of the UI's own texts in the current language. */
export function t(key: MessageKey): string {
  return tr(messages[key]);
}

/** The colon after a label: Chinese writes a full-width one with no space after it. */
export function colon(): string {
  return lang() === 'zh' ? '：' : ': ';
}

/** Sentences in a row: Chinese puts nothing after its full stop (。), English a space. */
export function sentences(items: readonly string[]): string {
  return items.join(lang() === 'zh' ? '' : ' ');
}

/** Names in a row: Chinese sets them apart with the enumeration comma (、), English with a comma. */
export function series(items: readonly string[]): string {
  return items.join(lang() === 'zh' ? '、' : ', ');
}

/** A word beside a name, as "孙七（sun.qi）" in Chinese and "Sun Qi (sun.qi)" in English. */
export function aside(text: string): string {
  return lang() === 'zh' ? `（${text}）` : ` (${text})`;
}

/** Anything with a name in both languages: a unit, a category, a campaign. */
type Named = { readonly nameZh: string; readonly nameEn: string };

export function named(item: Named): string {
  return lang() === 'en' ? item.nameEn : item.nameZh;
}

/** A unit's name in the current language, from the units a page has (a campaign's): its code if it is not among them. */
export function unitNamed(units: readonly (Named & { readonly id: string })[], id: string): string {
  const unit = units.find((u) => u.id === id);
  return unit === undefined ? id : named(unit);
}

/** A category's name in the current language, or undefined for none or one not among them. */
export function categoryNamed(categories: readonly (Named & { readonly id: number })[], id: number | null): string | undefined {
  const category = categories.find((c) => c.id === id);
  return category === undefined ? undefined : named(category);
}

/** The locale tag for Intl formatting. */
export function locale(): string {
  return lang() === 'en' ? 'en-GB' : 'zh-CN';
}
