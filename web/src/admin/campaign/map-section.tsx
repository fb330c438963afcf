import { For, Show } from 'solid-js';
import { colon, named, series, tr } from '../../i18n/i18n';
import { ApiProblem } from '../../api/problem';
import { settingsApi } from './api';
import type { SectionProps } from './form-kit';
import { cm } from './messages';
import { whenConfirmed } from '../../ui/confirm-dialog';
import { SectionFrame } from './section-frame';

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The battle map's outline: which features the campaign's map has, which units it leaves undrawn, and an upload to replace it. */
export function MapSection(props: SectionProps) {
  const unitName = (id: string) => {
    const unit = props.settings.units.find((u) => u.id === id);
    return unit === undefined ? id : named(unit);
  };
  const upload = async (file: File) => {
    const text = await file.text();
    // A file that is no JSON at all is said so by its name (the server's answer spoke of a request body).
    if (!isJson(text)) {
      const reason = { zh: `文件“${file.name}”不是 GeoJSON：其内容不是 JSON`, en: `The file “${file.name}” is no GeoJSON: it does not hold JSON` };
      await props.run('map', () => Promise.reject(new ApiProblem(400, 'payload_invalid', reason, [{ field: 'map', message: reason }], null)));
      return;
    }
    await props.run('map', () => settingsApi.uploadMap(props.settings.id, text));
  };
  return (
    <SectionFrame id="map" title={cm('map')} lead={cm('mapLead')} busy={props.busy}>
      <Show when={props.settings.map} fallback={<p class="muted">{cm('noMap')}</p>}>
        {(map) => (
          <>
            <p data-testid="map-features">
              {map().features.length} {cm('mapFeatures')}
              {colon()}
              {series(map().features.map((f) => f.name ?? f.id))}
            </p>
            <Show when={map().unitsWithoutFeature.length > 0}>
              <p class="ca-warning">
                {cm('unitsWithoutFeature')}{' '}
                <For each={map().unitsWithoutFeature}>{(u) => <span class="chip">{`${unitName(u.unitId)} (${u.mapFeatureId})`}</span>}</For>
              </p>
            </Show>
          </>
        )}
      </Show>
      <label class="button">
        {cm('uploadMap')}
        <input
          type="file"
          class="visually-hidden"
          accept=".geojson,.json,application/geo+json,application/json"
          data-testid="map-file"
          disabled={props.busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file !== undefined) void upload(file);
          }}
        />
      </label>
      <Show when={props.settings.map !== null}>
        {/* The map as stored, to keep, mend, or upload to a campaign made blank (which starts with none): it was in no
            place an office could reach, only in the repository's seed. */}
        <a class="button ghost" href={`/api/campaigns/${props.settings.id}/map`} download={`${props.settings.code}-map.geojson`} data-testid="map-download">
          {cm('downloadMap')}
        </a>
        <button
          type="button"
          class="button ghost"
          data-testid="map-remove"
          disabled={props.busy}
          onClick={() => {
            whenConfirmed(cm('confirmRemoveMap'), { title: cm('removeMap'), confirm: cm('removeMap') }, () => props.run('map', () => settingsApi.removeMap(props.settings.id)));
          }}
        >
          {cm('removeMap')}
        </button>
      </Show>
      <ul class="ca-issues" data-testid="map-issues">
        <For each={props.issues('map')}>
          {(issue) => (
            <li>
              {/* Where in the GeoJSON, when the issue is about a part of it (features.0.geometry.type); not for the file as a whole. */}
              <Show when={issue.field !== 'map'}>
                <code>{issue.field}</code>{' '}
              </Show>
              {tr(issue.message)}
            </li>
          )}
        </For>
      </ul>
    </SectionFrame>
  );
}
