/**
 * The first rows of a list, sorted, and how many more it holds: a finding said in a line names a few rows and counts
 * the rest, as a file of 5,000 rows mistyped alike is no list to read.
 */
export function firstRows(rows: readonly number[], shown: number): { readonly first: number[]; readonly more: number } {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  return { first: sorted.slice(0, shown), more: Math.max(0, sorted.length - shown) };
}
