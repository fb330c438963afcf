import { For } from 'solid-js';
import { measureText, shortName, unitSummary } from './county-map';
import { valueOf, type Measure, type Scale, type UnitMeasures } from './measure';

/** Units without a place on the map (the city detachments) as tiles, coloured like the counties, named as the map names them. */
export function UnitTiles(props: { units: readonly UnitMeasures[]; measure: Measure; scale: Scale; onPick?: (unitId: string) => void }) {
  return (
    <div class="unit-tiles" data-testid="detachment-tiles">
      <For each={props.units}>
        {(unit) => {
          const value = () => valueOf(unit, props.measure);
          const body = () => (
            <>
              {/* Under the tiles' heading (市局支队, City detachments); the whole name is in the tooltip. */}
              <span class="tile-name">{shortName(unit)}</span>
              <strong class="tile-value">{measureText(props.measure, value())}</strong>
            </>
          );
          const style = () => ({ background: props.scale.fill(value()), color: props.scale.ink(value()) });
          return props.onPick === undefined ? (
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
