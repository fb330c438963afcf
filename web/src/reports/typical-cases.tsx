import { For, Match, Show, Switch, createResource } from 'solid-js';
import { ReadFailed } from '../ui/read-failed';
import { unlessFailed } from '../ui/read-shown';
import { clueStateLabels } from '../../../engine/clue/clue.labels';
import { categoryNamed, lang, tr, unitNamed } from '../i18n/i18n';
import { reportsApi, typicalCasesDownloadUrl, type CampaignDetail, type ReportScope } from './api';
import { count } from './format';
import { dateTime } from '../ui/dates';
import { achieved, achievedLine } from './typical-achieved';
import { rt } from './messages';

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
        <Match when={register.error !== undefined}>
          <ReadFailed what={rt('typicalFailed')} error={register.error} testid="typical-failed" />
        </Match>
        <Match when={unlessFailed(register)}>
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
                        {[unitNamed(props.campaign.units, c.unitId), categoryNamed(props.campaign.categories, c.categoryId) ?? '', tr(clueStateLabels[c.state]), `${rt('typicalChosen')} ${dateTime(c.chosenAt, props.campaign.timeZone)}`]
                          .filter((part) => part !== '')
                          .join(' · ')}
                      </p>
                      <p class="typical-text">{c.summary}</p>
                      <Show when={achieved(c).length > 0}>
                        <p class="typical-figures" data-testid="typical-figures">
                          {achievedLine(c)}
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
