import { queryRefused } from '../errors';

/** What each place of a sort key holds: a whole number, a text, or (`string?`) a text or null (an item without a due time). */
export type KeyPlace = 'number' | 'string' | 'string?';

type PlaceValue<P extends KeyPlace> = P extends 'number' ? number : P extends 'string' ? string : string | null;
export type SortKeyOf<S extends readonly KeyPlace[]> = { readonly [I in keyof S]: PlaceValue<S[I]> };

/** A page's cursor: the sort key of its last row, as base64url JSON the client hands back without reading it. */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const fits = (value: unknown, place: KeyPlace) =>
  place === 'number' ? typeof value === 'number' && Number.isSafeInteger(value) : place === 'string' ? typeof value === 'string' : typeof value === 'string' || value === null;

/**
 * The sort key a cursor carries, if it has the shape the page's order
 * gives; otherwise a 400 naming the `cursor` field (`gaveBy` says in
 * English whose cursor it should have been: "this board").
 */
export function decodeCursor<S extends readonly KeyPlace[]>(cursor: string, shape: S, gaveBy: string): SortKeyOf<S> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    // Checked place by place against the shape just above; TypeScript cannot carry that check to the tuple type.
    if (Array.isArray(key) && key.length === shape.length && key.every((value, i) => fits(value, shape[i] ?? 'number'))) return key as unknown as SortKeyOf<S>;
  } catch {
    // Falls through to the error below.
  }
  throw queryRefused('cursor', { zh: '分页游标无效', en: `The cursor is not one ${gaveBy} gave` });
}
