import type { Board, Card, BoardQuery as BoardQueryInput } from '../../../api/contracts/board';
import type { CampaignDetail, CampaignSummary } from '../../../api/contracts/campaign';
import type { HistoryEntry, ItemDetail } from '../../../api/contracts/items';
import type { Me } from '../../../api/contracts/session';
import type { UserSummary } from '../../../api/contracts/users';
import type { EscalationWire } from '../../../api/contracts/escalations';
import type { AnsweredRequestWire, ExtensionRequestWire } from '../../../api/contracts/extension-requests';
import type { ClueSource } from '../../../engine/clue/clue.model';
import type { ProblemKind } from '../../../engine/problem/problem.model';
import { ApiProblem } from './problem';
import { withRetryKey } from './retry-keys';
import { call as expect, client } from './typed-call';

export { onUnauthenticated } from './typed-call';

export type { Board, Card, CampaignDetail, AnsweredRequestWire, CampaignSummary, EscalationWire, ExtensionRequestWire, HistoryEntry, ItemDetail, Me, UserSummary };
export type ItemKind = Card['kind'];
/** The board's query as the page sends it: text the server checks, a phase as the address names it included (`?phase=autumn` is the server's to refuse, by name). */
export type BoardQuery = Omit<BoardQueryInput, 'phase'> & { readonly phase?: string };
export type Swimlane = 'none' | 'unit' | 'category';
/** The board's filters as the URL carries them. */
export interface BoardFilters {
  readonly unit?: string;
  readonly category?: string;
  readonly assignee?: string;
  readonly overdue?: 'true';
  readonly escalated?: 'true';
  /** Only items with a request for more time waiting. */
  readonly asked?: 'true';
  /** No progress for the given number of days (see QuietSelect). */
  readonly quiet?: string;
  /** Only items found while the campaign was in this phase (the battle map's phases open the board so). */
  readonly phase?: string;
  readonly q?: string;
}

/** What a new item needs; the kind decides between `source` (clue) and `problemKind` (problem). */
export interface NewItem {
  readonly campaignId: number;
  readonly unitId: string;
  readonly assigneeId: number | null;
  readonly title: string;
  readonly description: string;
  readonly categoryId: number | null;
}
export type NewClue = NewItem & { readonly source: ClueSource };
export type NewProblem = NewItem & { readonly problemKind: ProblemKind };

/** Field edits and an assignee change, on the version the user saw. */
export interface ItemEdit {
  readonly version: number;
  readonly title?: string;
  readonly description?: string;
  readonly categoryId?: number | null;
  readonly assigneeId?: number | null;
}
export type ClueEdit = ItemEdit & { readonly source?: ClueSource };
export type ProblemEdit = ItemEdit & { readonly problemKind?: ProblemKind };

export type EscalationView = 'mine' | 'unit';
/** The inbox's tabs: the escalations raised to me, my units', and the requests for more time waiting (延期申请). */
export type InboxView = EscalationView | 'asked';
export type EscalationStatus = 'open' | 'acknowledged' | 'resolved' | 'active';

/** The header a write's Idempotency-Key goes in. */
const keyed = (key: string) => ({ 'idempotency-key': key });

export const api = {
  signIn: (username: string, password: string, display = false) => expect(client.session.$post({ json: { username, password, ...(display && { display }) } }), { quiet401: true }),
  /** Who is signed in; null when no one is (an answer, not a 401). */
  session: () => expect(client.session.$get()),
  signOut: () => expect(client.session.$delete(), { quiet401: true }),
  campaigns: () => expect(client.campaigns.$get()),
  campaign: (id: number, options: { quiet401?: boolean } = {}) => expect(client.campaigns[':id'].$get({ param: { id: String(id) } }), options),
  /** The office moves the campaign into its next phase; a reason is needed while an exit criterion is not met. */
  advance: (id: number, body: { version: number; reason?: string }) => expect(client.campaigns[':id'].advance.$post({ param: { id: String(id) }, json: body })),
  board: (id: number, query: BoardQuery, options: { quiet401?: boolean } = {}) =>
    expect(client.campaigns[':id'].board.$get({ param: { id: String(id) }, query: stringQuery(query) }), options),
  users: (unit?: string) => expect(client.users.$get({ query: unit === undefined ? {} : { unit } })),
  units: () => expect(client.units.$get()),
  createClue: (item: NewClue) => withRetryKey(`clue ${JSON.stringify(item)}`, (key) => expect(client.clues.$post({ json: item, header: keyed(key) }))),
  createProblem: (item: NewProblem) =>
    withRetryKey(`problem ${JSON.stringify(item)}`, (key) => expect(client.problems.$post({ json: item, header: keyed(key) }))),
  // Every write from an item's drawer goes with an Idempotency-Key (see withRetryKey): sent again after its answer was
  // lost, it is answered as the first was, not refused as stale or as already done.
  editClue: (id: number, edit: ClueEdit) =>
    withRetryKey(`clue ${id} edit ${JSON.stringify(edit)}`, (key) => expect(client.clues[':id'].$patch({ param: { id: String(id) }, json: edit, header: keyed(key) }))),
  editProblem: (id: number, edit: ProblemEdit) =>
    withRetryKey(`problem ${id} edit ${JSON.stringify(edit)}`, (key) => expect(client.problems[':id'].$patch({ param: { id: String(id) }, json: edit, header: keyed(key) }))),
  transfer: (kind: ItemKind, id: number, body: { version: number; unitId: string; reason: string }) =>
    withRetryKey(`${kind} ${id} transfer ${JSON.stringify(body)}`, (key) => {
      const request = { param: { id: String(id) }, json: body, header: keyed(key) };
      return kind === 'clue' ? expect(client.clues[':id'].transfer.$post(request)) : expect(client.problems[':id'].transfer.$post(request));
    }),
  /** More time for an item in its state (延期), to the end of `until` in the campaign's zone. */
  extend: (kind: ItemKind, id: number, body: { version: number; until: string; reason: string; answering?: { askedAt: string } }) =>
    withRetryKey(`${kind} ${id} extend ${JSON.stringify(body)}`, (key) => {
      const request = { param: { id: String(id) }, json: body, header: keyed(key) };
      return kind === 'clue' ? expect(client.clues[':id'].extend.$post(request)) : expect(client.problems[':id'].extend.$post(request));
    }),
  /** Ask a lead or the office for more time (延期申请). */
  askExtension: (kind: ItemKind, id: number, body: { version: number; until: string; reason: string }) =>
    withRetryKey(`${kind} ${id} ask ${JSON.stringify(body)}`, (key) => {
      const request = { param: { id: String(id) }, json: body, header: keyed(key) };
      return kind === 'clue' ? expect(client.clues[':id']['extension-request'].$post(request)) : expect(client.problems[':id']['extension-request'].$post(request));
    }),
  /** Decline a request for more time, saying why. */
  declineExtension: (kind: ItemKind, id: number, body: { version: number; reason: string }) =>
    withRetryKey(`${kind} ${id} decline ${JSON.stringify(body)}`, (key) => {
      const request = { param: { id: String(id) }, json: body, header: keyed(key) };
      return kind === 'clue' ? expect(client.clues[':id']['extension-request'].decline.$post(request)) : expect(client.problems[':id']['extension-request'].decline.$post(request));
    }),
  /** Choose a solved clue as a typical case, or revise its summary. */
  markTypical: (id: number, body: { version: number; summary: string }) =>
    withRetryKey(`clue ${id} typical ${JSON.stringify(body)}`, (key) => expect(client.clues[':id'].typical.$post({ param: { id: String(id) }, json: body, header: keyed(key) }))),
  withdrawTypical: (id: number, body: { version: number; reason: string }) =>
    withRetryKey(`clue ${id} untypical ${JSON.stringify(body)}`, (key) =>
      expect(client.clues[':id'].typical.withdraw.$post({ param: { id: String(id) }, json: body, header: keyed(key) })),
    ),
  escalations: (query: { view: EscalationView; status: EscalationStatus; campaign?: number; limit?: number; subject?: ItemKind; subjectId?: number }) =>
    expect(client.escalations.$get({ query: stringQuery(query) })),
  /** The requests for more time waiting: those I answer (a lead, the office) or asked (an officer), the oldest first. */
  extensionRequests: (campaign: number, limit: number) =>
    expect(client.campaigns[':id']['extension-requests'].$get({ param: { id: String(campaign) }, query: { limit: String(limit) } })),
  acknowledge: (id: number, note: string) =>
    expect(client.escalations[':id'].acknowledge.$post({ param: { id: String(id) }, json: note.trim() === '' ? {} : { note } })),
  item: (kind: ItemKind, id: number) =>
    kind === 'clue'
      ? expect(client.clues[':id'].$get({ param: { id: String(id) } }))
      : expect(client.problems[':id'].$get({ param: { id: String(id) } })),
  note: (kind: ItemKind, id: number, text: string) =>
    withRetryKey(`${kind} ${id} note ${text}`, (key) => {
      const request = { param: { id: String(id) }, json: { text }, header: keyed(key) };
      return kind === 'clue' ? expect(client.clues[':id'].notes.$post(request)) : expect(client.problems[':id'].notes.$post(request));
    }),
  history: (kind: ItemKind, id: number) =>
    kind === 'clue'
      ? expect(client.clues[':id'].history.$get({ param: { id: String(id) } }))
      : expect(client.problems[':id'].history.$get({ param: { id: String(id) } })),
  move: (kind: ItemKind, id: number, body: { to: string; version: number; payload?: Record<string, unknown> }) =>
    withRetryKey(`${kind} ${id} move ${JSON.stringify(body)}`, (key) => {
      const request = { param: { id: String(id) }, json: body, header: keyed(key) };
      return kind === 'clue' ? expect(client.clues[':id'].transitions.$post(request)) : expect(client.problems[':id'].transitions.$post(request));
    }),
};

/** The board query as URL text: every value a string, absent ones left out. */
function stringQuery(query: BoardQuery | Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') out[key] = String(value);
  return out;
}

export { ApiProblem };
