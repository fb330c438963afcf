import { useParams, useSearchParams } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo, createResource } from 'solid-js';
import { ReadFailed } from '../ui/read-failed';
import { refusedAddress } from '../ui/address-check';
import { namesNoReport, rangeProblemOf, reportAddressIssues, reportControlName, type RangeProblem } from './report-address';
import { ReportRangeInputs } from './report-range';
import { unlessFailed } from '../ui/read-shown';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { phases, type Phase } from '../../../engine/campaign/campaign-config';
import { categoryNamed, lang, named, t, tr, unitNamed } from '../i18n/i18n';
import { TopBar } from '../ui/top-bar';
import { NoSuchPage } from '../ui/page-trouble';
import { focusMainOnOpen } from '../ui/route-focus';
import { usePageTitle } from '../ui/page-title';
import { CategorySelect, UnitSelect } from '../ui/scope-selects';
import { reportDownloadUrl, reportsApi, type CampaignDetail, type Report, type ReportScope } from './api';
import type { IdOrNone } from '../../../api/contracts/common';
import { nextDay, zonedInstant } from './format';
import { dayOf } from '../ui/dates';
import { surveyBacklogFrom } from './report-span';
import { rt } from './messages';
import { FlowCharts } from './flow-charts';
import { chartRange } from './chart-range';
import { ReportCharts } from './report-charts';
import { FrozenComparison } from './report-frozen';
import { ReportHeadline } from './report-headline';
import { ReportTables } from './report-table';
import { categoryRows, unitRows } from './report-rows';
import { ReportDocumentHeading } from './report-document-heading';
import { ReportTargets } from './report-targets';
import { TypicalCasesSection } from './typical-cases';
import './reports.css';
import { unlessGone } from '../api/unless-gone';
import { me } from '../session/session';
import { followCampaign } from '../live/campaign-changes';

type ScopeKind = 'phase' | 'whole' | 'range';
type ReportSearch = { scope?: string; phase?: string; from?: string; to?: string; asOf?: string; unit?: string; category?: string };

const sameJson = <T,>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
const isPhase = (value: string | undefined): value is Phase => phases.some((p) => p === value);

/** The unit list's "all units" when the page would otherwise open on the user's own unit. */
const wholeCampaign = '*';

/** The phase after this one, or the end of the campaign: entering it ends this phase. */
const nextOf = (phase: Phase) => phases[phases.indexOf(phase) + 1] ?? 'concluded';

/**
 * `/campaigns/:id/reports`: the completion report of a phase, a date range or the whole campaign, beside the frozen one.
 * An address naming a phase or a scope there is none of (a typed address, an old bookmark) is an address no page
 * answers to, said as an unknown list's is, not a report the user did not ask for beside a picker showing no phase.
 */
export function ReportsPage() {
  const [search] = useSearchParams<ReportSearch>();
  return (
    <Show when={!namesNoReport(search)} fallback={<NoSuchPage withQuery />}>
      <ReportPage />
    </Show>
  );
}

/** The report the address names, its filters in the address too. */
function ReportPage() {
  focusMainOnOpen();
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<ReportSearch>();
  const campaignId = () => Number(params.id);
  const [campaign, { refetch: refetchCampaign }] = createResource(campaignId, (id) => reportsApi.campaign(id));
  usePageTitle('reports', campaign);

  const kind = (): ScopeKind => {
    if (search.scope === 'whole' || search.scope === 'range' || search.scope === 'phase') return search.scope;
    if (isPhase(search.phase)) return 'phase';
    const state = campaign()?.state;
    return isPhase(state) ? 'phase' : 'whole';
  };
  const phase = (): Phase | undefined => {
    if (isPhase(search.phase)) return search.phase;
    const state = campaign()?.state;
    return isPhase(state) ? state : 'survey';
  };
  /**
   * A unit lead or officer writes their branch's summary from their branch's
   * figures: the page opens on their own unit's report, and the whole
   * campaign's is one choice away (kept in the address as `unit=*`). The
   * office, the supervisors and the administrator open on the whole campaign.
   */
  const ownUnit = (): string | undefined => {
    const who = me();
    const detail = campaign();
    if (who === undefined || who === null || (who.role !== 'lead' && who.role !== 'officer') || detail === undefined) return undefined;
    const own = detail.units.find((u) => u.id === who.unitId);
    return own === undefined || own.parentId === null ? undefined : own.id;
  };
  /** A branch's own report: the unit chosen (with the units below it), or undefined for the whole campaign. */
  const unit = () => (search.unit === wholeCampaign ? undefined : search.unit || ownUnit());
  const unitName = (detail: CampaignDetail, id: string) => unitNamed(detail.units, id);
  /** The name of the unit a branch's report is of, or undefined for the whole campaign's. */
  const reportUnitName = (detail: CampaignDetail, current: Report) => (current.unit === null ? undefined : unitName(detail, current.unit));
  /** One crime category's report: its id from the address, `none` for the items with none, or undefined for every category. */
  const category = (): IdOrNone | undefined => (search.category === 'none' ? 'none' : search.category && /^\d+$/.test(search.category) ? Number(search.category) : undefined);
  /** Why the address cannot be read as a report (`?phase=autumn`): said in the report's place, and nothing is asked of the server. */
  const addressRefused = createMemo(() => refusedAddress({ zh: '报告地址有误', en: 'The report address is not valid' }, reportAddressIssues(search)));
  /** The name of the category a category's report is of (未分类 for the items with none), or undefined. */
  const reportCategoryName = (detail: CampaignDetail, current: Report) => {
    if (current.categoryId === null) return undefined;
    if (current.categoryId === 'none') return rt('uncategorised');
    return categoryNamed(detail.categories, current.categoryId) ?? String(current.categoryId);
  };
  /** A report of part of the campaign: a unit's, a category's, or both. Frozen reports are the whole campaign's. */
  const scoped = (current: Report) => current.unit !== null || current.categoryId !== null;
  const entered = (detail: CampaignDetail, p: Phase) => detail.phaseEnteredAt[p] !== undefined;
  const ended = (detail: CampaignDetail, p: Phase) => detail.phaseEnteredAt[nextOf(p)] !== undefined;

  /** What is wrong with the range chosen (止 before 起, days outside the campaign's): said under its dates, and the report
   * shown stays until they are put right; nothing is read, printed or exported for it. */
  const rangeProblem = (): RangeProblem | null => {
    const detail = campaign();
    return detail !== undefined && kind() === 'range' ? rangeProblemOf(search, detail) : null;
  };

  /**
   * The scope as the API takes it: local dates and times of the campaign's zone turned into instants; the range's end day included.
   * While the range is reversed, the last scope read (nothing is asked for a range that covers nothing).
   */
  const scope = createMemo((previous: ReportScope | null): ReportScope | null => {
    const detail = campaign();
    if (detail === undefined || addressRefused() !== undefined) return null;
    if (rangeProblem() !== null) return previous;
    const zone = detail.timeZone;
    const asOf = search.asOf ? zonedInstant(search.asOf, zone) : null;
    const chosenUnit = unit();
    const chosenCategory = category();
    const base = {
      ...(asOf === null ? {} : { asOf }),
      ...(chosenUnit === undefined ? {} : { unit: chosenUnit }),
      ...(chosenCategory === undefined ? {} : { category: chosenCategory }),
    };
    if (kind() === 'phase') return { ...base, phase: phase() ?? 'survey' };
    if (kind() === 'whole') return base;
    // The dates the inputs show, the campaign's own when none was chosen: the report covers what the page says it does.
    const from = zonedInstant(search.from || detail.startsOn, zone);
    const to = zonedInstant(nextDay(search.to || detail.endsOn), zone);
    return { ...base, ...(from === null ? {} : { from }), ...(to === null ? {} : { to }) };
  }, null, { equals: sameJson });

  const [report, { refetch: refetchReport }] = createResource(
    () => {
      const s = scope();
      return s === null ? null : { id: campaignId(), scope: s };
    },
    (source) => reportsApi.report(source.id, source.scope),
  );
  // The campaign read again when its phase advances while the page is open: which phases have ended, and with it the
  // frozen version beside the report, and the report itself (its phase's "as of" is now the advance).
  followCampaign(campaignId, () => {
    void refetchCampaign();
    void refetchReport();
  });

  const frozenSource = () => {
    const detail = campaign();
    const p = phase();
    // Frozen reports are the whole campaign's: a unit's or a category's figures are not compared with them.
    if (detail === undefined || addressRefused() !== undefined || kind() !== 'phase' || p === undefined || !ended(detail, p) || unit() !== undefined || category() !== undefined) return null;
    return { id: campaignId(), phase: p };
  };
  // A phase that ended before reports were frozen has none: the server answers 404, the page says so.
  const [frozen] = createResource(frozenSource, async (source): Promise<{ phase: Phase; version: Report | null }> => ({
    phase: source.phase,
    version: await unlessGone(reportsApi.frozen(source.id, source.phase)),
  }));
  /**
   * The frozen version beside the live report only when both are of the same
   * ended phase: a resource keeps its last answer when its source goes away,
   * and a phase's frozen figures compared with the whole campaign's or another
   * phase's would report differences that are not there.
   */
  const frozenBeside = (current: Report) => {
    const answer = unlessFailed(frozen);
    return frozenSource() !== null && answer !== undefined && answer.phase === current.phase ? answer : undefined;
  };

  /** The export of the report shown; none while the address or the server refuses it (the file would be the refusal), nor while the dates chosen are reversed (it would not be of them). */
  const download = (format: 'csv' | 'xlsx') => {
    const s = scope();
    return s === null || report.error !== undefined || rangeProblem() !== null ? undefined : reportDownloadUrl(campaignId(), s, format, lang());
  };

  const scopeTitle = (current: Report) =>
    current.phase !== null ? `${tr(campaignStateLabels[current.phase])}${lang() === 'zh' ? '阶段' : ' phase'}` : kind() === 'range' ? rt('scopeRange') : rt('scopeWhole');

  return (
    <div class="app report-app">
      <TopBar>
        <div class="campaign-head">
          {/* Not a heading: the report's own (campaign, scope and phase, as printed) is the page's one h1; there were two alike. */}
          <Show when={campaign()}>{(detail) => <div class="campaign-name">{named(detail())}</div>}</Show>
        </div>
      </TopBar>
      <Show when={campaign()} fallback={<div class="page-loading">{t('loading')}</div>}>
        {(detail) => (
          <>
            <div class="toolbar report-toolbar" data-testid="report-toolbar">
              <span class="rp-toolbar-label">{rt('scope')}</span>
              <div class="segmented" role="group" aria-label={rt('scope')}>
                <For each={['phase', 'whole', 'range'] as const}>
                  {(option) => (
                    <button
                      type="button"
                      classList={{ active: kind() === option }}
                      aria-pressed={kind() === option}
                      data-testid={`scope-${option}`}
                      onClick={() => setSearch({ scope: option })}
                    >
                      {rt(option === 'phase' ? 'scopePhase' : option === 'whole' ? 'scopeWhole' : 'scopeRange')}
                    </button>
                  )}
                </For>
              </div>
              <Show when={kind() === 'phase'}>
                <select name="phase" aria-label={rt('phase')} value={phase()} onChange={(e) => setSearch({ scope: 'phase', phase: e.currentTarget.value })}>
                  <For each={phases}>
                    {(p) => (
                      <option value={p} disabled={!entered(detail(), p)}>
                        {tr(campaignStateLabels[p])}
                        {entered(detail(), p) ? '' : rt('phaseNotEntered')}
                      </option>
                    )}
                  </For>
                </select>
              </Show>
              <Show when={kind() === 'range'}>
                <ReportRangeInputs campaign={detail()} from={search.from} to={search.to} problem={rangeProblem()} onChange={(end, day) => setSearch({ scope: 'range', [end]: day })} />
              </Show>
              <UnitSelect units={detail().units} testId="report-unit" value={unit()} onChange={(value) => setSearch({ unit: value || (ownUnit() === undefined ? undefined : wholeCampaign) })} />
              <CategorySelect categories={detail().categories} none={rt('uncategorised')} testId="report-category" value={category()?.toString() ?? (search.category || undefined)} onChange={(value) => setSearch({ category: value || undefined })} />
              <label class="rp-field" title={rt('asOfHint')}>
                {rt('asOf')}
                <input type="datetime-local" name="asOf" value={search.asOf ?? ''} onChange={(e) => setSearch({ asOf: e.currentTarget.value || undefined })} />
              </label>
              <Show when={search.asOf}>
                <button type="button" class="button ghost" onClick={() => setSearch({ asOf: undefined })}>
                  {rt('now')}
                </button>
              </Show>
              <span class="rp-spacer" />
              <a class="button" href={download('csv')} aria-disabled={download('csv') === undefined} download="" data-testid="export-csv">
                {rt('exportCsv')}
              </a>
              <a class="button" href={download('xlsx')} aria-disabled={download('xlsx') === undefined} download="" data-testid="export-xlsx">
                {rt('exportXlsx')}
              </a>
              <button type="button" class="button primary" data-testid="print" disabled={unlessFailed(report) === undefined || addressRefused() !== undefined || rangeProblem() !== null} onClick={() => print()}>
                {rt('print')}
              </button>
            </div>
            <main class="report-page" classList={{ 'is-loading': report.loading }} data-testid="report">
              <Switch>
                <Match when={addressRefused()}>
                  {(refusal) => <ReadFailed what={rt('reportFailed')} error={refusal()} fieldName={reportControlName} class="report-error" testid="report-failed" />}
                </Match>
                <Match when={report.error !== undefined}>
                  <ReadFailed what={rt('reportFailed')} error={report.error} fieldName={reportControlName} class="report-error" testid="report-failed" />
                </Match>
                <Match when={unlessFailed(report)}>
                  {(current) => (
                    <article class="report-document" data-testid="report-document" data-phase={current().phase ?? ''}>
                      <ReportDocumentHeading campaign={detail()} report={current()} categoryName={reportCategoryName(detail(), current())} scopeTitle={scopeTitle(current())} />
                      {/* Whatever its scope, a report of a phase under way is provisional; a unit's or a category's is not frozen itself. */}
                      <Show when={current().phase !== null && !ended(detail(), current().phase ?? 'survey')}>
                        <p class="report-note" data-testid="frozen-pending">
                          {rt(scoped(current()) ? 'frozenPendingScoped' : 'frozenPending')}
                        </p>
                      </Show>
                      <Show when={scoped(current()) && kind() === 'phase' && ended(detail(), phase() ?? 'survey')}>
                        <p class="report-note" data-testid="unit-frozen-note">
                          {rt('unitFrozenNote')}
                        </p>
                      </Show>
                      <Show when={surveyBacklogFrom(current(), detail().phaseEnteredAt.survey, detail().timeZone)}>
                        {(entered) => (
                          <p class="report-note" data-testid="survey-backlog-note">
                            {rt('surveyBacklogNote').replace('{created}', dayOf(current().span.from, detail().timeZone)).replace('{entered}', dayOf(entered(), detail().timeZone))}
                          </p>
                        )}
                      </Show>
                      <ReportHeadline report={current()} unitName={reportUnitName(detail(), current())} categoryName={reportCategoryName(detail(), current())} />
                      {/* How each unit did against the phase's targets: a left phase's were shown nowhere (its frozen
                          record said only that a criterion was unmet). The office, who sets them, is shown where. */}
                      <Show when={current().targets}>
                        {(targets) => (
                          <ReportTargets
                            targets={targets()}
                            units={detail().units}
                            ended={ended(detail(), current().phase ?? 'survey')}
                            unitScoped={current().unit !== null}
                            frozenAt={current().targetsFrozenAt}
                            timeZone={detail().timeZone}
                            // Only where targets may still be set: an ended phase's are frozen with its report.
                            settingsHref={me()?.role === 'office' && !ended(detail(), current().phase ?? 'survey') ? `/campaigns/${detail().id}/settings#ca-targets` : undefined}
                          />
                        )}
                      </Show>
                      <Show when={frozenBeside(current())}>
                        {(answer) => (
                          <Show
                            when={answer().version}
                            fallback={
                              <p class="report-note" data-testid="frozen-missing">
                                {rt('frozenMissing')}
                              </p>
                            }
                          >
                            {(stamped) => <FrozenComparison frozen={stamped()} live={current()} timeZone={detail().timeZone} />}
                          </Show>
                        )}
                      </Show>
                      <ReportTables title={rt('byUnit')} testId="by-unit" scopeLabel={t('unit')} rows={unitRows(detail(), current())} total={current().total} />
                      <ReportTables title={rt('byCategory')} testId="by-category" scopeLabel={t('category')} rows={categoryRows(detail(), current())} total={current().total} />
                      <p class="report-note report-definition" data-testid="clues-found-note">{rt('cluesFoundNote')}</p>
                      <Show when={scope()}>{(s) => <TypicalCasesSection campaign={detail()} scope={s()} />}</Show>
                      <section class="report-section">
                        <h2>{rt('charts')}</h2>
                        <ReportCharts report={current()} unitName={(id) => unitName(detail(), id)} />
                        {/* The charts of the report shown, read with its own campaign, phase and span: while another
                            campaign's report is read (the campaign menu), the one shown is still the last one's, and
                            the new campaign's phase with its span was a request the server refused. */}
                        <Show when={current().campaignId === detail().id}>
                          <FlowCharts
                            campaignId={current().campaignId}
                            phase={current().phase ?? undefined}
                            range={chartRange({ report: current(), campaign: detail() })}
                            asOf={scope()?.asOf}
                            unit={current().unit ?? undefined}
                            category={current().categoryId ?? undefined}
                          />
                        </Show>
                      </section>
                    </article>
                  )}
                </Match>
              </Switch>
            </main>
          </>
        )}
      </Show>
    </div>
  );
}
