import { For, Show } from 'solid-js';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import { lang, tr } from '../i18n/i18n';
import type { Report } from './api';
import { headlines, isMoney, type Figure } from './figures';
import { count, money, moneyText } from './format';
import { rt } from './messages';

/** The number of a card and its unit: 5 个, 9319 万元, 93.19 million yuan. */
function amount(figure: Figure, value: number): { value: string; unit: string } {
  if (isMoney(figure)) return money(value);
  const unit = headlines.find((h) => h.figure === figure)?.unit;
  return { value: count(value), unit: unit === undefined ? '' : tr(unit) };
}

/** The opening sentence of a release, built from the figures: "专项行动开展以来，共打掉……". */
function leadSentence(report: Report): string {
  const f = (figure: Figure) => report.total.figures[figure] ?? 0;
  const scope =
    report.phase !== null
      ? lang() === 'zh'
        ? `${tr(campaignStateLabels[report.phase])}阶段`
        : `In the ${tr(campaignStateLabels[report.phase]).toLowerCase()} phase`
      : report.span.from.startsWith('0000')
        ? rt('headlineLead')
        : rt('rangeLead');
  if (lang() === 'zh') {
    return (
      `${scope}，共打掉黑社会性质组织${count(f('mafiaBroken'))}个、恶势力犯罪集团${count(f('criminalGroupsBroken'))}个、恶势力犯罪团伙${count(f('criminalGangsBroken'))}个；` +
      `破获刑事案件${count(f('casesSolved'))}起，抓获犯罪嫌疑人${count(f('suspectsCaught'))}人，刑事拘留${count(f('criminallyDetained'))}人，逮捕${count(f('arrested'))}人，移送起诉${count(f('sentForProsecution'))}人；` +
      `缴获枪支${count(f('gunsSeized'))}支，查封冻结扣押涉案资产${moneyText(f('assetsSeizedYuan'))}。`
    );
  }
  return (
    `${scope}, ${count(f('mafiaBroken'))} mafia-type organisations, ${count(f('criminalGroupsBroken'))} criminal groups and ${count(f('criminalGangsBroken'))} criminal gangs were broken; ` +
    `${count(f('casesSolved'))} criminal cases were solved, ${count(f('suspectsCaught'))} suspects caught, ${count(f('criminallyDetained'))} criminally detained, ${count(f('arrested'))} arrested and ${count(f('sentForProsecution'))} sent for prosecution; ` +
    `${count(f('gunsSeized'))} guns were seized and assets of ${moneyText(f('assetsSeizedYuan'))} sealed, frozen or seized.`
  );
}

export function ReportHeadline(props: { report: Report }) {
  return (
    <section class="report-section" data-testid="headline">
      <h2>{rt('headline')}</h2>
      <p class="report-lead">{leadSentence(props.report)}</p>
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
        {rt('escalations')}
        {lang() === 'zh' ? '：' : ': '}
        {rt('escalationLevel1')} {count(props.report.escalationsRaised[1])} · {rt('escalationLevel2')} {count(props.report.escalationsRaised[2])} ·{' '}
        {rt('escalationLevel3')} {count(props.report.escalationsRaised[3])}
      </p>
    </section>
  );
}
