import type { TargetFact } from '../../../engine/campaign/exit-criteria';
import { targetMet } from '../../../engine/report/unit-targets';

/** A target as the report's table shows it: whether it is met, and by how much it falls short. */
export interface TargetLine extends TargetFact {
  readonly met: boolean;
  /** How many more would meet it; 0 once met. */
  readonly short: number;
  /** The actual's share of the target (1 for a target of 0). */
  readonly share: number;
}

export function targetLines(targets: readonly TargetFact[]): TargetLine[] {
  return targets.map((fact) => ({
    ...fact,
    met: targetMet(fact),
    short: Math.max(0, fact.target - fact.actual),
    share: fact.target === 0 ? 1 : fact.actual / fact.target,
  }));
}

/** How many targets there are, and how many are met and not. */
export function targetTally(lines: readonly TargetLine[]): { total: number; met: number; missed: number } {
  const met = lines.filter((line) => line.met).length;
  return { total: lines.length, met, missed: lines.length - met };
}
