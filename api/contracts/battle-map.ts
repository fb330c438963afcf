import { z } from 'zod';
import { phases } from '../../engine/campaign/campaign-config';
import { label } from './common';

const measures = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  filed: z.number().int(),
  solved: z.number().int(),
  /** Solved (or further) of filed (or further), 0..1; null before anything was filed. */
  solveRate: z.number().nullable(),
  total: z.number().int(),
});

export const battleMap = z
  .object({
    campaignId: z.number().int(),
    now: z.string(),
    state: z.string(),
    /** The units drawn: the counties of the map and the tiles; each counts the units under it it stands for (subUnits, e.g. its police stations). */
    units: z.array(measures.extend({ unitId: z.string(), kind: z.string(), label, mapFeatureId: z.string().nullable(), subUnits: z.number().int() })),
    categories: z.array(z.object({ categoryId: z.number().int().nullable(), label })),
    /** Clue counts per drawn unit and category: total and open. */
    grid: z.array(z.object({ unitId: z.string(), categoryId: z.number().int().nullable(), total: z.number().int(), open: z.number().int() })),
    timeline: z.array(z.object({ phase: z.enum(phases), start: z.string(), end: z.string(), enteredAt: z.string().nullable() })),
    targets: z.array(z.object({ unitId: z.string(), metric: z.string(), target: z.number().int(), actual: z.number().int() })),
    hasMap: z.boolean(),
  })
  .meta({ id: 'BattleMap' });
export type BattleMap = z.infer<typeof battleMap>;
