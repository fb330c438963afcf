import { A, useParams, useSearchParams } from '@solidjs/router';
import { For, Show, createMemo, createResource } from 'solid-js';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { lang, named, t, tr } from '../i18n/i18n';
import { reportsApi } from '../reports/api';
import { dateTime } from '../ui/dates';
import { LanguageToggle } from '../ui/language-toggle';
import { WhenRead } from '../ui/read-failed';
import { keptRead } from '../ui/read-shown';
import { usePageTitle } from '../ui/page-title';
import { createBattleMapData } from './battle-map-data';
import { CountyMap, MeasureLegend, MeasureNote } from './county-map';
import { isMeasure, measureAddressRefusal, scaleOf, type Measure } from './measure';
import { bt } from './messages';
import { PhaseTimeline } from './phase-timeline';
import { TypicalPanel } from './typical-panel';
import { UnitTiles, tilesHeading } from './unit-tiles';
import { useLiveRefresh } from '../live/live-refresh';
import { useWallScale } from './wall-zoom';
import { wallFigures } from './wall-figures';
import { placeUnits } from './geo';
import './battle-map.css';

/** `/campaigns/:id/wall`: the battle map for a screen on the wall: read only, large type, live. */
export function WallPage() {
  const params = useParams<{ id: string }>();
  const [search] = useSearchParams<{ measure?: string }>();
  const campaignId = () => Number(params.id);
  const data = createBattleMapData(campaignId, 1000);
  usePageTitle('wall', data.campaign);
  const [reportRead, { refetch: refetchReport }] = createResource(campaignId, (id) => reportsApi.report(id, {}));
  const report = keptRead(reportRead, refetchReport);
  const live = useLiveRefresh(campaignId, (campaignChanged) => {
    data.refetch(campaignChanged);
    void refetchReport();
  });
  const measure = (): Measure => (isMeasure(search.measure) ? search.measure : 'open');
  const scale = createMemo(() => scaleOf(measure(), data.battleMap()?.units ?? []));
  /** A measure there is none of (`?measure=overdu`, typed for the screen): said on the wall, which has no buttons to show another. */
  const addressRefused = createMemo(() => measureAddressRefusal(search));

  const figures = createMemo(() => wallFigures(data.battleMap()?.units ?? [], report()?.total));

  const fullScreen = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);
  const drawn = useWallScale();

  return (
    <div class="wall" classList={{ 'is-stacked': drawn().stacked }} data-testid="wall" style={{ zoom: String(drawn().zoom), '--vh': drawn().vh }}>
      <header class="wall-head">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true" />
          {bt('title')}
        </span>
        <Show when={data.campaign()}>
          {(detail) => (
            <>
              <h1 class="wall-title">{named(detail())}</h1>
              {/* Said to be the current phase: beside it, the figures of the whole campaign were read as the phase's. */}
              <span class="wall-phase" data-testid="wall-phase">
                <span class="wall-phase-label">{bt('currentPhase')}</span> {tr(campaignStateLabels[detail().state])}
              </span>
            </>
          )}
        </Show>
        <span class="rp-spacer" />
        <LanguageToggle />
        <button type="button" class="button ghost wall-button" onClick={fullScreen}>
          {bt('fullScreen')}
        </button>
        {/* The wall opens in a tab of its own, but a screen left on it, or a bookmark, needs a way back. */}
        <A class="button ghost wall-button" href={`/campaigns/${campaignId()}/battle-map${measure() === 'open' ? '' : `?measure=${measure()}`}`} data-testid="wall-leave">
          {bt('leaveWall')}
        </A>
      </header>
      <WhenRead read={addressRefused() === undefined && data.battleMap() !== undefined && data.campaign()} error={addressRefused() ?? data.battleMapFailed()} fieldName={() => bt('measure')} what={bt('loadFailed')} loading={<div class="page-loading">{t('loading')}</div>} class="bm-failed" testid="bm-failed">
        {(detail) => (
          <Show when={data.battleMap()}>
            {(map) => {
              const placed = () => placeUnits(map().units, data.layout()?.shapes.map((shape) => shape.id), map().hasMap);
              const offMap = () => placed().offMap;
              // A campaign without a map has every unit as a tile: they take the map's panel, not the side's, where
              // seventeen of them ran below a 720-pixel wall with nothing in the panel beside them.
              const tilesInMapPanel = () => drawn().unitsUnderMap || !map().hasMap;
              const units = () => (
                <>
                  <h2>{tilesHeading(offMap())}</h2>
                  <UnitTiles units={offMap()} measure={measure()} scale={scale()} />
                </>
              );
              return (
                <>
                  <div class="wall-body">
                    <section class="wall-map">
                      <div class="wall-section-head">
                        <h2>
                          {bt(map().hasMap ? 'counties' : 'allUnits')} · {bt(measure() === 'open' ? 'measureOpen' : measure() === 'overdue' ? 'measureOverdue' : 'measureSolveRate')}
                        </h2>
                        <MeasureLegend scale={scale()} measure={measure()} noteApart />
                      </div>
                      <MeasureNote measure={measure()} />
                      <Show when={data.layout()}>
                        {(layout) => <CountyMap layout={layout()} units={placed().onMap} measure={measure()} scale={scale()} labelSize={19} />}
                      </Show>
                      <Show when={tilesInMapPanel()}>
                        {/* Without a map, the panel's own heading names them: every unit, none "off the map". */}
                        <Show when={map().hasMap} fallback={<UnitTiles units={offMap()} measure={measure()} scale={scale()} />}>
                          {units()}
                        </Show>
                      </Show>
                    </section>
                    <section class="wall-side">
                      {/* What the figures cover, and as of when: all of the campaign's phases so far, not the current one's. */}
                      <p class="wall-scope" data-testid="wall-scope">
                        <span class="wall-scope-name">{bt('scopeWhole')}</span>
                        {/* Offline too while the figures shown are older than a read that failed (it is tried again by itself). */}
                        <span class="wall-status" classList={{ offline: !live() || data.stale() }} title={data.stale() ? bt('stale') : live() ? bt('live') : bt('offline')} data-testid="wall-status">
                          <span class="wall-dot" />
                          {/* The year goes without saying on a screen showing this year's campaign live. */}
                          {bt('asOf')} {dateTime(map().now, detail().timeZone, { year: false })}
                        </span>
                      </p>
                      <div class="wall-figures" data-testid="wall-figures">
                        <For each={figures()}>
                          {(figure) => (
                            <div class="wall-figure" classList={{ alert: figure.tone === 'alert', good: figure.tone === 'good' }}>
                              <span class="wall-figure-label">
                                {bt(figure.label)}
                                <Show when={figure.unit}>{(unit) => (lang() === 'zh' ? `（${unit()}）` : ` (${unit()})`)}</Show>
                              </span>
                              <span class="wall-figure-value" style={{ '--chars': String(figure.value.length) }}>
                                {figure.value}
                              </span>
                            </div>
                          )}
                        </For>
                      </div>
                      <Show when={!tilesInMapPanel()}>{units()}</Show>
                      <TypicalPanel campaign={detail()} register={data.typicalCases()} failed={data.typicalFailed()} limit={6} linked={false} />
                    </section>
                  </div>
                  <footer class="wall-timeline">
                    <PhaseTimeline map={map()} timeZone={detail().timeZone} />
                  </footer>
                </>
              );
            }}
          </Show>
        )}
      </WhenRead>
    </div>
  );
}
