import { z } from 'zod';
import type { BattleMap } from '../reports/api';
import type { ApiProblem } from '../api/problem';
import { addressIssues, refusedAddress } from '../ui/address-check';
import type { BattleMapMessageKey } from './messages';

export type UnitMeasures = BattleMap['units'][number];

const measures = ['open', 'solveRate', 'overdue'] as const;

/** What the map, the tiles and the legend colour units by. */
export type Measure = (typeof measures)[number];

export interface MeasureDefinition {
  readonly id: Measure;
  readonly label: BattleMapMessageKey;
  /** The palest and the strongest colour of the scale. */
  readonly from: string;
  readonly to: string;
  readonly rate: boolean;
}

export const measureDefinitions: readonly MeasureDefinition[] = [
  { id: 'open', label: 'measureOpen', from: '#fff3dc', to: '#c25e00', rate: false },
  { id: 'solveRate', label: 'measureSolveRate', from: '#e8f5ec', to: '#13703c', rate: true },
  { id: 'overdue', label: 'measureOverdue', from: '#fdeceb', to: '#a3161a', rate: false },
];

export const isMeasure = (value: string | undefined): value is Measure => measureDefinitions.some((m) => m.id === value);

/**
 * What the battle map and the wall read from their address, as the
 * measure's buttons write it (none for open clues). A measure they could not
 * have written (`?measure=overdu`, typed for a wall's screen) is refused by
 * name: read as open clues, the wall would colour its counties by another
 * figure than the one it was set up to show, and the wall has no buttons.
 */
const measureAddress = z.object({ measure: z.enum(measures, { message: 'open (open clues), solveRate (solve rate) or overdue (overdue clues)' }).optional() });

/** Why the address names no measure there is, as the map and the wall say it in their place; undefined when it names one or none. */
export function measureAddressRefusal(search: Readonly<Record<string, unknown>>): ApiProblem | undefined {
  return refusedAddress({ zh: '挂图地址有误', en: 'The battle map address is not valid' }, addressIssues(measureAddress, search));
}

export function definitionOf(measure: Measure): MeasureDefinition {
  return measureDefinitions.find((m) => m.id === measure) ?? (measureDefinitions[0] as MeasureDefinition);
}

/** A unit's value of a measure; null when there is none (no case filed yet, for the solve rate). */
export function valueOf(unit: UnitMeasures, measure: Measure): number | null {
  return measure === 'solveRate' ? unit.solveRate : unit[measure];
}

export const noValueColour = '#eceef2';

function hex(colour: string): [number, number, number] {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A point of the scale between its two colours, t in 0..1. */
export function mix(definition: MeasureDefinition, t: number): string {
  const a = hex(definition.from);
  const b = hex(definition.to);
  const k = Math.min(1, Math.max(0, t));
  return `rgb(${a.map((c, i) => Math.round(c + ((b[i] ?? c) - c) * k)).join(',')})`;
}

/**
 * The colour scale of a measure over the units shown: counts from 0 to the
 * largest, rates from 0 to 100%, so one colour means the same on the map,
 * the tiles and the legend. Answers fill and a readable ink for a value.
 */
export function scaleOf(measure: Measure, units: readonly UnitMeasures[]) {
  const definition = definitionOf(measure);
  const max = definition.rate ? 1 : Math.max(1, ...units.map((u) => valueOf(u, measure) ?? 0));
  const share = (value: number) => value / max;
  return {
    definition,
    max,
    fill: (value: number | null) => (value === null ? noValueColour : mix(definition, share(value))),
    ink: (value: number | null) => (value !== null && share(value) > 0.55 ? '#ffffff' : '#1f2329'),
  };
}

export type Scale = ReturnType<typeof scaleOf>;
