/**
 * A name (a unit, a category, a source, a person) looked up as a file
 * writes it: as written, then in lower case, then with full-width letters
 * and digits as ASCII (typed with a Chinese input method). The width is
 * undone only when the plainer lookups miss: most names are found as
 * written, and an import asks this for every row.
 */
export function lookUp<T>(names: ReadonlyMap<string, T>, text: string): T | undefined {
  const found = names.get(text) ?? names.get(text.toLowerCase());
  if (found !== undefined) return found;
  const narrow = text.normalize('NFKC');
  return narrow === text ? undefined : (names.get(narrow) ?? names.get(narrow.toLowerCase()));
}
