import { For, Show } from 'solid-js';
import { colon, tr } from '../i18n/i18n';
import { reportEscalationLabels } from '../../../engine/report/report.labels';
import type { Report } from './api';
import { headlines, isMoney, type Figure } from './figures';
import { count, money } from './format';
import { leadSentence } from './lead-sentence';
import { rt } from './messages';

/** The number of a card and its unit: 5 个, 9319 万元, 93.19 million yuan. */
function amount(figure: Figure, value: number): { value: string; unit: string } {
  if (isMoney(figure)) return money(value);
  const unit = headlines.find((h) => h.figure === figure)?.unit;
  return { value: count(value), unit: unit === undefined ? '' : tr(unit) };
}

/** The headline figures and the release's opening sentence; a scoped report names its unit and category there. */
export function ReportHeadline(props: { report: Report; unitName?: string | undefined; categoryName?: string | undefined }) {
  return (
    <section class="report-section" data-testid="headline">
      <h2>{rt('headline')}</h2>
      <p class="report-lead">{leadSentence({ ...props.report, unitName: props.unitName, categoryName: props.categoryName })}</p>
      <div class="headline-cards">
        <For each={headlines}>
          {(headline) => {
            const value = () => props.report.total.figures[headline.figure] ?? 0;
            const shown = () => amount(headline.figure, value());
            return (
              <div class="headline-card" data-testid={`headline-${headline.figure}`} data-value={value()}>
                <span class="headline-label">{tr(headline.label)}</span>
                <span class="headline-amount">
                  <strong class="headline-value">{shown().value}</strong>
                  <Show when={shown().unit !== ''}>
                    <span class="headline-unit">{shown().unit}</span>
                  </Show>
                </span>
              </div>
            );
          }}
        </For>
      </div>
      <p class="report-escalations muted">
        {tr(reportEscalationLabels.escalations)}
        {colon()}
        {tr(reportEscalationLabels[1])} {count(props.report.escalationsRaised[1])} · {tr(reportEscalationLabels[2])} {count(props.report.escalationsRaised[2])} ·{' '}
        {tr(reportEscalationLabels[3])} {count(props.report.escalationsRaised[3])}
      </p>
    </section>
  );
}
