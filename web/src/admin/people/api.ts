import type { BulkUsersPlan, NewUnit, NewUser, PasswordPolicyWire, PeopleLogEntry, PeopleLogPage, UnitEdit, UnitNode, UserAccount, UserEdit } from '../../../../api/contracts/users';
import { call, client, type AnyResponse, type Success } from '../../api/typed-call';
import { ApiProblem } from '../../api/problem';

export type { BulkUsersPlan, NewUnit, NewUser, PasswordPolicyWire, PeopleLogEntry, PeopleLogPage, UnitEdit, UnitNode, UserAccount, UserEdit };

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

/** A typed call whose refusal may carry a bulk plan: thrown as BulkRefused then, else as the ApiProblem. */
async function expect<R extends AnyResponse>(request: Promise<R>): Promise<Success<R>> {
  try {
    return await call(request);
  } catch (error) {
    const plan = error instanceof ApiProblem && typeof error.body === 'object' && error.body !== null ? (error.body as { plan?: unknown }).plan : undefined;
    throw error instanceof ApiProblem && isPlan(plan) ? new BulkRefused(error, plan) : error;
  }
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
  log: (filter: { user?: number; unit?: string; before?: number }) =>
    expect(
      client.admin.log.$get({
        query: {
          ...(filter.user !== undefined && { user: String(filter.user) }),
          ...(filter.unit !== undefined && { unit: filter.unit }),
          ...(filter.before !== undefined && { before: String(filter.before) }),
        },
      }),
    ),
  sessions: () => expect(client.admin.sessions.$get()),
  endSessions: (userId: number) => expect(client.admin.users[':id'].sessions.end.$post({ param: id(userId) })),
  changeOwnPassword: (currentPassword: string, password: string) => expect(client.session.password.$post({ json: { currentPassword, password } })),
};
