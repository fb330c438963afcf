import { For, Match, Show, Switch, createResource } from 'solid-js';
import { organisationTypeLabels } from '../../../engine/outcome';
import { clueStateLabels } from '../../../engine/clue/clue.labels';
import type { TypicalCase } from '../../../api/contracts/typical-cases';
import { categoryNamed, lang, tr, unitNamed } from '../i18n/i18n';
import { reportsApi, typicalCasesDownloadUrl, type CampaignDetail, type ReportScope } from './api';
import { headlines, isMoney } from './figures';
import { count, localDateTime, moneyText } from './format';
import { rt } from './messages';

/** What a case achieved, in the release's words, each figure that is not 0: 抓获犯罪嫌疑人12人 · 涉案金额43万元. */
function achieved(c: TypicalCase): string[] {
  const organisation = c.outcome !== null && c.outcome.organisationType !== 'none' ? [tr(organisationTypeLabels[c.outcome.organisationType])] : [];
  const figures = headlines.flatMap((h) => {
    const value = h.figure === 'sentForProsecution' ? c.sentForProsecution : c.outcome !== null && h.figure in c.outcome ? (c.outcome as Record<string, unknown>)[h.figure] : null;
    if (typeof value !== 'number' || value === 0) return [];
    const shown = isMoney(h.figure) ? moneyText(value) : count(value);
    return [lang() === 'zh' ? `${h.label.zh}${shown}${h.unit.zh}` : `${h.label.en} ${shown}`];
  });
  return [...organisation, ...figures];
}

/**
 * The typical cases of the report's span, unit and category (the campaign's
 * "曝光典型案例"): each with its summary as it may be published and what it
 * achieved, printed with the report; the register downloads for the press
 * office.
 */
export function TypicalCasesSection(props: { campaign: CampaignDetail; scope: ReportScope }) {
  const [register] = createResource(
    () => ({ id: props.campaign.id, scope: props.scope }),
    (source) => reportsApi.typicalCases(source.id, source.scope),
  );
  const download = (format: 'csv' | 'xlsx') => typicalCasesDownloadUrl(props.campaign.id, props.scope, format, lang());
  return (
    <section class="report-section typical-cases" data-testid="typical-cases">
      <div class="typical-head">
        <h2>{rt('typicalCases')}</h2>
        <span class="rp-spacer" />
        <a class="button small no-print" href={download('csv')} download="" data-testid="typical-export-csv">
          {rt('typicalExport')} CSV
        </a>
        <a class="button small no-print" href={download('xlsx')} download="" data-testid="typical-export-xlsx">
          {rt('typicalExport')} Excel
        </a>
      </div>
      <Switch>
        <Match when={register.error !== undefined && register.latest === undefined}>
          <p class="form-error" role="alert">
            {rt('typicalFailed')}
          </p>
        </Match>
        <Match when={register.latest}>
          {(found) => (
            <Show when={found().cases.length > 0} fallback={<p class="muted" data-testid="typical-none">{rt('typicalNone')}</p>}>
              <p class="muted" data-testid="typical-count">
                {found().cases.length === 1 ? rt('typicalCountOne') : rt('typicalCount').replace('{n}', count(found().cases.length))}
              </p>
              <ol class="typical-list">
                <For each={found().cases}>
                  {(c) => (
                    <li class="typical-case" data-testid="typical-case" data-clue={c.clueId}>
                      <h3>
                        {c.title}
                        <span class="muted">
                          {' '}
                          #{c.clueId}
                          <Show when={c.caseNumber}>{(number) => ` · ${number()}`}</Show>
                        </span>
                      </h3>
                      <p class="muted typical-meta">
                        {[unitNamed(props.campaign.units, c.unitId), categoryNamed(props.campaign.categories, c.categoryId) ?? '', tr(clueStateLabels[c.state]), `${rt('typicalChosen')} ${localDateTime(c.chosenAt, props.campaign.timeZone)}`]
                          .filter((part) => part !== '')
                          .join(' · ')}
                      </p>
                      <p class="typical-text">{c.summary}</p>
                      <Show when={achieved(c).length > 0}>
                        <p class="typical-figures" data-testid="typical-figures">
                          {achieved(c).join(lang() === 'zh' ? '，' : ' · ')}
                        </p>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
