import { For } from 'solid-js';
import { tr } from '../i18n/i18n';
import { measureText, unitSummary } from './county-map';
import { valueOf, type Measure, type Scale, type UnitMeasures } from './measure';

/** Units without a place on the map (the city detachments) as tiles, coloured like the counties. */
export function UnitTiles(props: { units: readonly UnitMeasures[]; measure: Measure; scale: Scale; onPick?: (unitId: string) => void }) {
  return (
    <div class="unit-tiles" data-testid="detachment-tiles">
      <For each={props.units}>
        {(unit) => {
          const value = () => valueOf(unit, props.measure);
          const body = () => (
            <>
              <span class="tile-name">{tr(unit.label)}</span>
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
