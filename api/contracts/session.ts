import { z } from 'zod';
import { roles } from '../../engine/actor';

export const loginRequest = z
  .strictObject({
    username: z.string().trim().min(1).max(64),
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
