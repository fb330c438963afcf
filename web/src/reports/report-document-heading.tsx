import { Show } from 'solid-js';
import { lang, named, unitNamed } from '../i18n/i18n';
import { dateTime } from '../ui/dates';
import type { CampaignDetail, Report } from './api';
import { rt } from './messages';
import { spanShown } from './report-span';

/**
 * The report's heading, as printed: the campaign, the unit or category it is of (a unit with units under it said to
 * count them), what report it is, its period, the instant its figures are as of and when it was made.
 */
export function ReportDocumentHeading(props: { campaign: CampaignDetail; report: Report; categoryName: string | undefined; scopeTitle: string }) {
  const shown = () => spanShown(props.report.span, props.report.phase !== null, props.campaign.timeZone, props.campaign.phaseEnteredAt.concluded);
  // A span that ended before the instant asked for holds its figures as of its end: a phase left in March said
  // "data as of" today.
  const figuresAsOf = () => (props.report.span.to < props.report.span.asOf ? props.report.span.to : props.report.span.asOf);
  return (
    <header class="report-heading">
      <h1>
        {named(props.campaign)}
        <Show when={props.report.unit}>
          {(id) => (
            <span class="report-heading-scope" data-testid="report-heading-unit">
              {unitNamed(props.campaign.units, id())}
              <Show when={props.campaign.units.some((u) => u.parentId === id())}>
                <span class="muted">{lang() === 'zh' ? `（${rt('unitWithin')}）` : ` (${rt('unitWithin')})`}</span>
              </Show>
            </span>
          )}
        </Show>
        <Show when={props.categoryName}>
          {(name) => (
            <span class="report-heading-scope" data-testid="report-heading-category">
              {name()}
            </span>
          )}
        </Show>
        <span class="report-heading-kind">
          {rt('reportTitle')} · {props.scopeTitle}
        </span>
      </h1>
      <p class="muted" data-testid="report-span">
        {rt('span')}{' '}
        <span data-testid="report-span-period" title={shown().title}>
          {shown().text}
        </span>{' '}
        · {rt('dataAsOf')} {dateTime(figuresAsOf(), props.campaign.timeZone)} · {rt('generatedAt')}{' '}
        {dateTime(props.report.generatedAt, props.campaign.timeZone)}
      </p>
    </header>
  );
}
