import { hc, type ClientResponse } from 'hono/client';
import type { AppType } from '../../../../api/app';
import type { BulkUsersPlan, NewUnit, NewUser, PasswordPolicyWire, UnitEdit, UnitNode, UserAccount, UserEdit } from '../../../../api/contracts/users';
import { api } from '../../api/client';
import { networkProblem, problemOf, type ApiProblem } from '../../api/problem';

export type { BulkUsersPlan, NewUnit, NewUser, PasswordPolicyWire, UnitEdit, UnitNode, UserAccount, UserEdit };

/**
 * The calls of people administration and of the user's own password
 * change, on a typed client built like web/src/api/client.ts; failures are
 * thrown as ApiProblem.
 */
const client = hc<AppType>('/api');

type AnyResponse = ClientResponse<unknown, number, 'json' | 'text'>;
type Success<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/** A bulk CSV the server refused: nothing was created; `plan` names each row, column and reason. */
export class BulkRefused extends Error {
  constructor(
    readonly problem: ApiProblem,
    readonly plan: BulkUsersPlan,
  ) {
    super(problem.message);
  }
}

function isPlan(value: unknown): value is BulkUsersPlan {
  return typeof value === 'object' && value !== null && Array.isArray((value as { issues?: unknown }).issues);
}

async function expect<R extends AnyResponse>(request: Promise<R>): Promise<Success<R>> {
  let response: R;
  try {
    response = await request;
  } catch (error) {
    throw networkProblem(error);
  }
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as Success<R>;
  const raw = response as unknown as Response;
  const problem = await problemOf(raw.clone());
  // The shared client's sign-out handler is private to it: a request through it reports the lost session the usual way.
  if (problem.status === 401) void api.campaigns().catch(() => undefined);
  let body: unknown = null;
  try {
    body = await raw.json();
  } catch {
    body = null;
  }
  const plan = typeof body === 'object' && body !== null ? (body as { plan?: unknown }).plan : undefined;
  throw isPlan(plan) ? new BulkRefused(problem, plan) : problem;
}

const id = (n: number) => ({ id: String(n) });

export const peopleApi = {
  accounts: () => expect(client.admin.users.$get()),
  createAccount: (user: NewUser) => expect(client.admin.users.$post({ json: user })),
  editAccount: (userId: number, edit: UserEdit) => expect(client.admin.users[':id'].$patch({ param: id(userId), json: edit })),
  disable: (userId: number) => expect(client.admin.users[':id'].disable.$post({ param: id(userId) })),
  enable: (userId: number) => expect(client.admin.users[':id'].enable.$post({ param: id(userId) })),
  resetPassword: (userId: number, password: string | undefined) =>
    expect(client.admin.users[':id']['password-reset'].$post({ param: id(userId), json: password === undefined ? {} : { password } })),
  bulk: (csv: string, commit: boolean) => expect(client.admin.users.bulk.$post({ json: { csv, commit } })),
  units: () => expect(client.admin.units.$get()),
  createUnit: (unit: NewUnit) => expect(client.admin.units.$post({ json: unit })),
  editUnit: (unitId: string, edit: UnitEdit) => expect(client.admin.units[':id'].$patch({ param: { id: unitId }, json: edit })),
  deleteUnit: (unitId: string) => expect(client.admin.units[':id'].$delete({ param: { id: unitId } })),
  policy: () => expect(client.admin['password-policy'].$get()),
  savePolicy: (policy: PasswordPolicyWire) => expect(client.admin['password-policy'].$put({ json: policy })),
  changeOwnPassword: (currentPassword: string, password: string) => expect(client.session.password.$post({ json: { currentPassword, password } })),
};
