/**
 * An English name is optional (the server stores the Chinese name in its
 * place, api/services/english-name.ts). A form shows it empty while the
 * Chinese name stands in, so that a rename of the Chinese one carries over and
 * the field reads as not filled in rather than as an English name typed in Chinese.
 */
export function shownEnglishName(names: { readonly nameZh: string; readonly nameEn: string }): string {
  return names.nameEn === names.nameZh ? '' : names.nameEn;
}
