import { z } from 'zod';
import { roles } from '../../engine/actor';

export const usersQuery = z.strictObject({ unit: z.string().max(64).optional() });

/** A user as pickers show them: name, unit and role; nothing more. */
export const userSummary = z
  .object({ id: z.number().int(), displayName: z.string(), username: z.string(), unitId: z.string(), role: z.enum(roles) })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof userSummary>;
