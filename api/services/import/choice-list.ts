import type { Label } from '../../../engine';
import { templateSheets } from './template-sheets';

/**
 * The names a refused cell may hold instead, as one line in each language
 * whose names can be told apart: Chinese sets names that hold 、 or ， of
 * their own apart with ；, English quotes each when one holds a comma or a
 * semicolon. A category list joined by 、 read "利用信息网络威胁、要挟他人，
 * 索取公私财物、利用网络辱骂…", where no one could tell one name from the next.
 */
export function choiceList(names: readonly Label[]): Label {
  const zh = names.map((n) => n.zh);
  const en = names.map((n) => n.en);
  return {
    zh: zh.join(zh.some((n) => /[、，,]/.test(n)) ? '；' : '、'),
    en: en.some((n) => /[,;]/.test(n)) ? en.map((n) => `“${n}”`).join(', ') : en.join(', '),
  };
}

/**
 * The names a refused cell may hold, as choiceList says them, but of a list
 * too long to read on every refused row (a bureau's hundred police stations)
 * the first `most`, how many there are in all, and where every one is listed:
 * the import template's sheet of choices.
 */
export function shortChoiceList(names: readonly Label[], most: number): Label {
  if (names.length <= most) return choiceList(names);
  const first = choiceList(names.slice(0, most));
  return {
    zh: `${first.zh}……共 ${names.length} 个，全部见导入模板的“${templateSheets.choices.zh}”表`,
    en: `${first.en}… ${names.length} in all, every one on the import template’s ${templateSheets.choices.en} sheet`,
  };
}
