import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { For, Show, createMemo } from 'solid-js';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { phases, type Phase } from '../../../engine/campaign/campaign-config';
import { named, t, tr } from '../i18n/i18n';
import { WhenRead } from '../ui/read-failed';
import { TopBar } from '../ui/top-bar';
import { focusMainOnOpen } from '../ui/route-focus';
import { usePageTitle } from '../ui/page-title';
import { createBattleMapData } from './battle-map-data';
import { CountyMap, MeasureLegend } from './county-map';
import { isMeasure, measureAddressRefusal, measureDefinitions, scaleOf, type Measure } from './measure';
import { bt } from './messages';
import { PhaseTimeline } from './phase-timeline';
import { TargetBars } from './target-bars';
import { TypicalPanel } from './typical-panel';
import { UnitGrid } from './unit-grid';
import { UnitTiles, tilesHeading } from './unit-tiles';
import { placeUnits } from './geo';
import { useLiveRefresh } from '../live/live-refresh';
import { me } from '../session/session';
import { readerScope } from '../ui/reader-scope';
import './battle-map.css';

/** The phase whose targets the battle map shows: the one under way, or the last one entered once concluded (as the server counts them). */
const targetsPhase = (detail: { readonly state: string; readonly phaseEnteredAt: Partial<Record<string, string>> }): Phase | undefined =>
  phases.findLast((phase) => phase === detail.state || (detail.state === 'concluded' && detail.phaseEnteredAt[phase] !== undefined));

/** `/campaigns/:id/battle-map` (挂图作战): counties coloured by a measure, detachments, targets, the phases and the unit × category grid; each opens the board filtered to it. */
export function BattleMapPage() {
  focusMainOnOpen();
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<{ measure?: string }>();
  const navigate = useNavigate();
  const campaignId = () => Number(params.id);
  const data = createBattleMapData(campaignId, 1000);
  usePageTitle('battleMap', data.campaign);
  useLiveRefresh(campaignId, data.refetch);
  const measure = (): Measure => (isMeasure(search.measure) ? search.measure : 'open');
  const scale = createMemo(() => scaleOf(measure(), data.battleMap()?.units ?? []));
  /** Why the address's measure is none there is (`?measure=overdu`): said in the map's place, no button pressed, until one is. */
  const addressRefused = createMemo(() => measureAddressRefusal(search));
  const pressed = (id: Measure) => addressRefused() === undefined && measure() === id;

  // Every unit's figures are the map's, but a lead's or an officer's items are their own units': a unit beyond them is
  // no link, its board being a refusal (不在您可查看的范围内).
  const reach = createMemo(() => readerScope(me()));
  const opens = (unitId: string) => reach()?.has(unitId) ?? true;
  const board = (query: Record<string, string>) => navigate(`/campaigns/${campaignId()}/board?${new URLSearchParams(query).toString()}`);
  const openUnit = (unitId: string) => board({ unit: unitId });
  const openCell = (unitId: string, categoryId: number | null) => board(categoryId === null ? { unit: unitId } : { unit: unitId, category: String(categoryId) });
  const openPhase = (phase: Phase) => board({ phase });
  // The whole campaign's report, as the grid counts every clue the campaign has: the current phase's (the report page's
  // own default) showed a unit 7 clues found under a grid that said 32.
  const reportOf = (scope: { unit: string } | { category: number }) =>
    `/campaigns/${campaignId()}/reports?${new URLSearchParams({ scope: 'whole', ...('unit' in scope ? { unit: scope.unit } : { category: String(scope.category) }) }).toString()}`;

  return (
    <div class="app bm-app">
      <TopBar>
        <div class="campaign-head">
          <Show when={data.campaign()}>{(detail) => <h1 class="campaign-name">{named(detail())}</h1>}</Show>
        </div>
      </TopBar>
      <div class="toolbar bm-toolbar">
        <span class="rp-toolbar-label">{bt('measure')}</span>
        <div class="segmented" role="group" aria-label={bt('measure')}>
          <For each={measureDefinitions}>
            {(definition) => (
              <button
                type="button"
                classList={{ active: pressed(definition.id) }}
                aria-pressed={pressed(definition.id)}
                data-testid={`measure-${definition.id}`}
                onClick={() => setSearch({ measure: definition.id === 'open' ? undefined : definition.id }, { replace: true })}
              >
                {bt(definition.label)}
              </button>
            )}
          </For>
        </div>
        <Show when={addressRefused() === undefined}>
          <MeasureLegend scale={scale()} measure={measure()} />
        </Show>
        <span class="rp-spacer" />
        <span class="muted bm-hint">{bt(reach() === null ? 'mapHint' : 'mapHintScoped')}</span>
        <A class="button" href={`/campaigns/${campaignId()}/wall${measure() === 'open' ? '' : `?measure=${measure()}`}`} target="_blank">
          {bt('wall')}
        </A>
      </div>
      <WhenRead read={addressRefused() === undefined && data.battleMap() !== undefined && data.campaign()} error={addressRefused() ?? data.battleMapFailed()} fieldName={() => bt('measure')} what={bt('loadFailed')} loading={<div class="page-loading">{t('loading')}</div>} class="bm-failed" testid="bm-failed">
        {(detail) => (
          <Show when={data.battleMap()}>
            {(map) => {
              const placed = () => placeUnits(map().units, data.layout()?.shapes.map((shape) => shape.id), map().hasMap);
              const counties = () => placed().onMap;
              const others = () => placed().offMap;
              return (
                <main class="bm-page" data-testid="battle-map">
                  <section class="bm-panel bm-map-panel">
                    <h2>{bt('counties')}</h2>
                    <Show
                      when={data.layout()}
                      fallback={
                        <p class="muted" data-testid="bm-no-map">
                          {map().hasMap ? t('loading') : bt('noMap')}
                          {/* The office, who sets the campaign up, is shown where a map is given (it had said only that there was none). */}
                          <Show when={!map().hasMap && me()?.role === 'office'}>
                            {' '}
                            <A href={`/campaigns/${campaignId()}/settings#ca-map`} data-testid="bm-map-settings">
                              {bt('noMapSettings')}
                            </A>
                          </Show>
                        </p>
                      }
                    >
                      {(layout) => <CountyMap layout={layout()} units={counties()} measure={measure()} scale={scale()} onPick={openUnit} opens={opens} />}
                    </Show>
                  </section>
                  <div class="bm-side">
                    <section class="bm-panel">
                      <h2>{tilesHeading(others())}</h2>
                      <UnitTiles units={others()} measure={measure()} scale={scale()} onPick={openUnit} opens={opens} />
                    </section>
                    <section class="bm-panel">
                      <h2>
                        {bt('targets')}
                        {/* The phase the bars are of: the one under way, or once concluded the last one (it had read 已结束). */}
                        <Show when={targetsPhase(detail())}>
                          {(phase) => (
                            <>
                              <span class="muted bm-subtitle" data-testid="bm-targets-phase">
                                {tr(campaignStateLabels[phase()])}
                              </span>
                              {/* Every phase's, the ended ones too, against what each unit did: in the phase's report. */}
                              <A class="bm-more" href={`/campaigns/${detail().id}/reports?phase=${phase()}`} data-testid="bm-targets-report">
                                {bt('targetsInReport')}
                              </A>
                            </>
                          )}
                        </Show>
                      </h2>
                      <TargetBars map={map()} units={detail().units} onPick={openUnit} opens={opens} />
                    </section>
                  </div>
                  <section class="bm-panel bm-wide">
                    <h2>{bt('timeline')}</h2>
                    <PhaseTimeline map={map()} timeZone={detail().timeZone} onPick={openPhase} />
                  </section>
                  <section class="bm-panel bm-wide">
                    <TypicalPanel campaign={detail()} register={data.typicalCases()} failed={data.typicalFailed()} limit={4} linked={true} />
                  </section>
                  <section class="bm-panel bm-wide">
                    <h2>
                      {bt('grid')}
                      <span class="muted bm-subtitle">{bt('gridHint')}</span>
                    </h2>
                    <UnitGrid map={map()} onPick={openCell} opens={opens} reportHref={reportOf} />
                  </section>
                </main>
              );
            }}
          </Show>
        )}
      </WhenRead>
    </div>
  );
}
