import type { TargetFact } from '../campaign/exit-criteria';
import type { CampaignConfig } from '../campaign/campaign-config';
import { subtreeOf, type UnitLink } from '../units';

type Target = CampaignConfig['targets'][number];

/**
 * Each target against the figures of a report by unit: a unit's actual is the sum of its own row and those of the
 * units under it, as a county branch's target is its whole area's (its police stations' work counts toward it). One
 * rule for the exit criterion, the battle map and the phase's report, so that the three never disagree.
 */
export function targetsAgainst(
  targets: readonly Pick<Target, 'unitId' | 'metric' | 'value'>[],
  figuresOf: (unitId: string) => Readonly<Record<string, number>> | undefined,
  tree: readonly UnitLink[],
): TargetFact[] {
  return targets.map((target) => ({
    unitId: target.unitId,
    metric: target.metric,
    target: target.value,
    actual: subtreeOf(target.unitId, tree).reduce((sum, unitId) => sum + (figuresOf(unitId)?.[target.metric] ?? 0), 0),
  }));
}

/** Whether a target is met: its actual reached it (a target of 0 is met by nothing done). */
export const targetMet = (fact: Pick<TargetFact, 'target' | 'actual'>): boolean => fact.actual >= fact.target;
