import { ApiProblem } from '../../api/problem';

/** A role or unit change the server refused for the open items it would take out of the user's reach. */
export interface HeldItemsRefusal {
  /** The field whose change takes them out of reach: `role` or `unitId`. */
  readonly field: string;
  /** How many open items the user holds that they could no longer open or move. */
  readonly count: number;
}

/** The refusal of an account edit as holding items (409 holds_items), or null for any other failure. */
export function heldItemsOf(error: unknown): HeldItemsRefusal | null {
  if (!(error instanceof ApiProblem) || error.code !== 'holds_items') return null;
  const count = typeof error.body === 'object' && error.body !== null ? (error.body as { heldItems?: unknown }).heldItems : undefined;
  if (typeof count !== 'number') return null;
  return { field: error.fields[0]?.field ?? 'unitId', count };
}
