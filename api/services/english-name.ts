/**
 * The English name of a campaign, a unit or a category may be left empty: a
 * bureau that works in Chinese types each name once, and the English screens
 * show the Chinese name. It is stored as the Chinese name, and while the two
 * are the same it follows the Chinese one through a rename (a name the office
 * typed in English is kept as typed).
 */
type Names = { readonly nameZh: string; readonly nameEn: string };
type NameChange = { readonly nameZh?: string | undefined; readonly nameEn?: string | undefined };

/** The English name a new one is stored with: the one given, or the Chinese name when none was. */
export function englishNameOf(nameEn: string | undefined, nameZh: string): string {
  return nameEn === undefined || nameEn === '' ? nameZh : nameEn;
}

/** The English name after a change: the one given; emptied, the Chinese name; left out, the same, or the new Chinese name when it stood in for it. */
export function englishNameAfter(before: Names, change: NameChange): string {
  const nameZh = change.nameZh ?? before.nameZh;
  if (change.nameEn !== undefined) return englishNameOf(change.nameEn, nameZh);
  return before.nameEn === before.nameZh ? nameZh : before.nameEn;
}
