import { z } from 'zod';
import { roles } from '../../engine/actor';
import { unitKinds } from '../../engine/units';
import { changesSomething, label, nothingToChange } from './common';
import { policyBounds } from './password-shape';
import { oneLineText, optionalOneLineText } from '../../engine/visible-text';

export const usersQuery = z.strictObject({ unit: z.string().max(64).optional() });

/** A user as pickers show them: name, unit and role; nothing more. */
export const userSummary = z
  .object({ id: z.number().int(), displayName: z.string(), username: z.string(), unitId: z.string(), role: z.enum(roles) })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof userSummary>;

// People administration (role admin): accounts, the unit tree with its leads, the password policy.

/** Usernames are typed at every sign-in: short, Latin, no spaces (`hantai.lead`). */
export const username = z
  .string()
  .trim()
  // Typed with a capital (a phone's keyboard starts with one), it is the same name: sign-in lower-cases it too.
  .toLowerCase()
  .min(2)
  .max(64)
  // An empty one is said to be too short, once: the letters it has are not wrong.
  .regex(/^(?:[a-z0-9][a-z0-9._-]*)?$/, 'lower-case letters, digits, dot, dash and underscore only');
// A name is shown on one line of a card, a list and the log: a line break (a cell of a spreadsheet can hold one) or another control character has no place in it.
const displayName = oneLineText(64);
// Empty when nothing was chosen (the new-user form's prompt): said as such, not as a text too short.
const unitId = z.string().trim().min(1, 'choose a unit').max(64);
/** Checked against the policy by the server; only the outer bound is checked here. */
const newPassword = z.string().min(1).max(256);

/** An account as the administrator sees it. */
export const userAccount = userSummary
  .extend({
    disabledAt: z.string().nullable(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    /** The units this user is a stored lead of. */
    leads: z.array(z.string()),
    /**
     * The open clues and problems assigned to this user, in every campaign: a user disabled keeps them until someone
     * reassigns them, which the administrator is told; one moved out of their reach hands them back (releaseHeldItems).
     */
    openItems: z.number().int(),
    /**
     * Until when the user's own wrong passwords (10 in 15 minutes, at sign-in or a password change) refuse their
     * sign-in; null when they do not. A reset of the password lifts it at once.
     */
    lockedUntil: z.string().nullable(),
  })
  .meta({ id: 'UserAccount' });
export type UserAccount = z.infer<typeof userAccount>;

export const newUser = z
  .strictObject({ username, displayName, role: z.enum(roles), unitId, password: newPassword })
  .meta({ id: 'NewUser' });
export type NewUser = z.infer<typeof newUser>;

export const userEdit = z
  .strictObject({
    displayName: displayName.optional(),
    role: z.enum(roles).optional(),
    unitId: unitId.optional(),
    /**
     * The administrator's yes to a role or unit change that takes the user out of reach of open items they hold:
     * those items go back to their unit, unassigned, for its lead to assign again. Without it such a change is
     * refused (409 holds_items, with the count in heldItems).
     */
    releaseHeldItems: z.literal(true).optional(),
  })
  .refine(({ releaseHeldItems: _, ...fields }) => changesSomething(fields), { message: nothingToChange })
  .meta({ id: 'UserEdit' });
export type UserEdit = z.infer<typeof userEdit>;

/** A reset: the administrator's temporary password, or none to have one generated (answered once). */
export const passwordReset = z.strictObject({ password: newPassword.optional() }).meta({ id: 'PasswordReset' });
export const passwordResetDone = z
  .object({ user: userAccount, temporaryPassword: z.string().nullable() })
  .meta({ id: 'PasswordResetDone' });

/** The signed-in user's own change: the current password proves it is them. */
export const passwordChange = z.strictObject({ currentPassword: z.string().min(1).max(256), password: newPassword }).meta({ id: 'PasswordChange' });

export const passwordPolicyWire = z
  .strictObject({
    minLength: z.number().int().min(policyBounds.minLength.min).max(policyBounds.minLength.max),
    reuseHistory: z.number().int().min(policyBounds.reuseHistory.min).max(policyBounds.reuseHistory.max),
  })
  .meta({ id: 'PasswordPolicy' });
export type PasswordPolicyWire = z.infer<typeof passwordPolicyWire>;

/** The columns of an accounts CSV, and each one's name in a problem's message and on the page. */
export const bulkColumns = ['username', 'displayName', 'role', 'unit', 'password'] as const;
export const bulkColumnLabels: Record<(typeof bulkColumns)[number], { readonly zh: string; readonly en: string }> = {
  username: { zh: '用户名', en: 'username' },
  displayName: { zh: '姓名', en: 'display name' },
  role: { zh: '角色', en: 'role' },
  unit: { zh: '单位', en: 'unit' },
  password: { zh: '初始密码', en: 'initial password' },
};

/** The longest accounts CSV (about a thousand accounts): each password is hashed as the file is created, one after another. */
export const maxBulkCsvChars = 60_000;
/** Its JSON body's bound: a character takes three bytes at most in UTF-8, or two as an escaped quote or line break. */
export const maxBulkBodyBytes = maxBulkCsvChars * 3 + 16 * 1024;

/** A CSV of accounts, one a row: username, displayName, role, unit, password (headers in English or Chinese). */
export const bulkUsersRequest = z
  .strictObject({ csv: z.string().min(1).max(maxBulkCsvChars), commit: z.boolean().default(false) })
  .meta({ id: 'BulkUsersRequest' });

export const bulkIssue = z.object({ row: z.number().int(), column: z.string(), reason: label });
export const bulkUsersPlan = z
  .object({ rows: z.number().int(), valid: z.number().int(), issues: z.array(bulkIssue), created: z.array(userAccount).optional() })
  .meta({ id: 'BulkUsersPlan' });
export type BulkUsersPlan = z.infer<typeof bulkUsersPlan>;

/** A unit as the administrator edits it: its place in the tree, its leads, and whether it may be deleted. */
export const unitNode = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(unitKinds),
    nameZh: z.string(),
    nameEn: z.string(),
    mapFeatureId: z.string().nullable(),
    sortOrder: z.number().int(),
    retiredAt: z.string().nullable(),
    leadIds: z.array(z.number().int()),
    /** Users and items of the unit: a unit that holds any is retired, never deleted. */
    holds: z.object({ users: z.number().int(), items: z.number().int() }),
  })
  .meta({ id: 'UnitNode' });
export type UnitNode = z.infer<typeof unitNode>;

const unitCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, dash and underscore only');
const mapFeatureId = z.string().trim().min(1).max(64).nullable();

export const newUnit = z
  .strictObject({
    id: unitCode,
    parentId: unitId,
    kind: z.enum(unitKinds),
    nameZh: oneLineText(64),
    /** May be left empty: the Chinese name stands in for it. */
    nameEn: optionalOneLineText(128).optional(),
    mapFeatureId: mapFeatureId.optional(),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
    leadIds: z.array(z.number().int().positive()).max(20).optional(),
  })
  .meta({ id: 'NewUnit' });
export type NewUnit = z.infer<typeof newUnit>;

/** Any of a unit's fields; a new parentId moves it (with everything below it) in the tree. */
export const unitEdit = newUnit
  .omit({ id: true })
  .partial()
  .extend({
    retired: z.boolean().optional(),
    /** A move that takes open items out of reach of the people they are assigned to is refused (409 holds_items) unless this confirms handing them back to their units. */
    releaseHeldItems: z.literal(true).optional(),
  })
  .strict()
  .refine(({ releaseHeldItems: _, ...fields }) => changesSomething(fields), { message: nothingToChange })
  .meta({ id: 'UnitEdit' });
export type UnitEdit = z.infer<typeof unitEdit>;

export const unitParam = z.object({ id: unitCode });

/** Each role in both languages, as the people screens and a bulk CSV name them. */
export const roleLabels = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  office: { zh: '专项办', en: 'Campaign office' },
  lead: { zh: '单位负责人', en: 'Unit lead' },
  officer: { zh: '民警', en: 'Officer' },
  viewer: { zh: '观察员', en: 'Viewer' },
} as const satisfies Record<(typeof roles)[number], { zh: string; en: string }>;

/** The administration log: who created, changed, disabled or reset whom, and changes to units and the password policy. */
export const peopleLogQuery = z.strictObject({
  /** Only entries about this user. */
  user: z.coerce.number().int().positive().optional(),
  /** Only entries about this unit and the accounts now in it. */
  unit: z.string().trim().min(1).max(64).optional(),
  /** Entries older than this sequence number: the next page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const peopleLogEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    /** Null for the first start, when nobody was signed in. */
    actor: z.object({ id: z.number().int(), displayName: z.string(), username: z.string() }).nullable(),
    subject: z.enum(['user', 'unit', 'password_policy']),
    /** The user the entry is about (subject user). */
    userId: z.number().int().nullable(),
    /** The unit the entry is about (subject unit). */
    unitId: z.string().nullable(),
    event: z.string(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'PeopleLogEntry' });
export type PeopleLogEntry = z.infer<typeof peopleLogEntry>;
export const peopleLogPage = z.object({ entries: z.array(peopleLogEntry), nextBefore: z.number().int().nullable() }).meta({ id: 'PeopleLogPage' });
export type PeopleLogPage = z.infer<typeof peopleLogPage>;

/** A session not yet past its absolute expiry: who is signed in, since when, and whether it is a wall display's. */
export const openSession = z
  .object({
    userId: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    /** A wall display's session: no idle limit, lasting days. */
    display: z.boolean(),
  })
  .meta({ id: 'OpenSession' });
export type OpenSession = z.infer<typeof openSession>;
