import { For } from 'solid-js';
import { tr } from '../i18n/i18n';
import { measureText, shortName, unitSummary } from './county-map';
import { valueOf, type Measure, type Scale, type UnitMeasures } from './measure';
import { bt } from './messages';

/** Whether every tile is a city detachment: then the tiles are headed so, and named short under that heading. */
const onlyDetachments = (units: readonly UnitMeasures[]) => units.every((u) => u.kind === 'detachment');

/**
 * The tiles' heading: the city detachments, as a bureau with a map has them; or, when a county branch has no shape on the
 * map (none uploaded, or no feature id given), or the office holds clues itself, the units the map does not show.
 */
export const tilesHeading = (units: readonly UnitMeasures[]): string => bt(onlyDetachments(units) ? 'detachments' : 'unitsOffMap');

/** Units without a place on the map (the city detachments) as tiles, coloured like the counties, named as the map names them. */
export function UnitTiles(props: { units: readonly UnitMeasures[]; measure: Measure; scale: Scale; onPick?: (unitId: string) => void; opens?: (unitId: string) => boolean }) {
  const name = (unit: UnitMeasures) => (onlyDetachments(props.units) ? shortName(unit) : tr(unit.label));
  return (
    <div class="unit-tiles" data-testid="detachment-tiles">
      <For each={props.units}>
        {(unit) => {
          const value = () => valueOf(unit, props.measure);
          const body = () => (
            <>
              {/* Short under the heading 市局支队 (City detachments), whole under another; the whole name is in the tooltip too. */}
              <span class="tile-name">{name(unit)}</span>
              <strong class="tile-value">{measureText(props.measure, value())}</strong>
            </>
          );
          const style = () => ({ background: props.scale.fill(value()), color: props.scale.ink(value()) });
          return props.onPick === undefined || !(props.opens?.(unit.unitId) ?? true) ? (
            <div class="unit-tile" style={style()} title={unitSummary(unit)} data-testid={`tile-${unit.unitId}`}>
              {body()}
            </div>
          ) : (
            <button type="button" class="unit-tile is-link" style={style()} title={unitSummary(unit)} data-testid={`tile-${unit.unitId}`} onClick={() => props.onPick?.(unit.unitId)}>
              {body()}
            </button>
          );
        }}
      </For>
    </div>
  );
}
