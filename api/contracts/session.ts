import { z } from 'zod';
import { roles } from '../../engine/actor';

export const loginRequest = z
  .strictObject({
    // Every username is lower-case (api/contracts/users.ts): one typed with a capital, as a phone's keyboard starts
    // it, or as the people CSV had it before it was lower-cased, is the same account.
    username: z.string().trim().toLowerCase().min(1).max(64),
    password: z.string().min(1).max(256),
    /** A wall display: stays signed in for days with no idle limit; read-only (viewer) accounts only. */
    display: z.boolean().optional(),
  })
  .meta({ id: 'LoginRequest' });

export const me = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(roles),
    unitId: z.string(),
    unitScope: z.array(z.string()),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

/**
 * Who is signed in: the user, or null when no one is (a first visit, a session signed out, timed out or ended by the
 * administrator). An answer, not a refusal: asking is how the app learns to show the sign-in page, and a 401 there
 * was logged in red on every first visit. Every other route still refuses a request without a session.
 */
export const signedInUser = z.union([me, z.null()]).meta({ id: 'SignedInUser' });
export type SignedInUser = z.infer<typeof signedInUser>;
