import { z } from 'zod';
import { identifierKinds } from '../../engine/intake/identifiers';

export const identifier = z.object({ kind: z.enum(identifierKinds), value: z.string() }).meta({ id: 'Identifier' });

export const duplicatesRequest = z.strictObject({ text: z.string().max(20_000) }).meta({ id: 'DuplicatesRequest' });

export const duplicatesAnswer = z
  .object({
    identifiers: z.array(identifier),
    matches: z.array(
      z.object({
        clueId: z.number().int(),
        unitId: z.string(),
        state: z.string(),
        foundAt: z.string(),
        title: z.string().nullable(),
        matched: z.array(identifier),
      }),
    ),
  })
  .meta({ id: 'Duplicates' });
