import type { Label } from '../../../engine';

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
