import { A } from '@solidjs/router';
import { Show, createSignal, onCleanup, onMount } from 'solid-js';
import { storageSize, storageToWarnOf } from '../../../api/contracts/attachments';
import { campaignStateLabels } from '../../../engine/campaign/campaign.labels';
import type { CampaignDetail } from '../api/client';
import { named, t, tr } from '../i18n/i18n';
import { bm } from './board-messages';
import { AdvanceDialog } from './advance-dialog';
import { advanceDue, advanceOpensOn, nextStateOf } from './phase-advance';
import { toast } from '../ui/toasts';
import { announce } from '../ui/announcer';
import { calendarDay, dateTime } from '../ui/dates';

/**
 * The window of the current phase; while planned (筹备), when the survey
 * opens (the whole campaign's span read as the planning's own); after the
 * phases, the whole campaign's span.
 */
function phaseWindow(detail: CampaignDetail): string {
  if (detail.state === 'planned') return bm('surveyOpens', { start: calendarDay(detail.windows.survey.start) });
  const windows: Record<string, { start: string; end: string }> = detail.windows;
  const w = windows[detail.state];
  return w === undefined ? `${calendarDay(detail.startsOn)} – ${calendarDay(detail.endsOn)}` : `${calendarDay(w.start)} – ${calendarDay(w.end)}`;
}

/** When the office may advance, said on the button before its day: the next phase's opening, or the last one's end. */
function advanceLater(detail: CampaignDetail, opensOn: string): string {
  const next = nextStateOf(detail) ?? 'concluded';
  const date = calendarDay(opensOn);
  return next === 'concluded' ? bm('concludeOpens', { current: tr(campaignStateLabels[detail.state]), date }) : bm('advanceOpens', { next: tr(campaignStateLabels[next]), date });
}

/**
 * The campaign's name, current phase and its window in the top bar, flagged
 * when the phase is overdue; for the office, which sets the limit, a link
 * to the settings when the campaign's files near it (those who upload are
 * told in the drawer).
 */
export function CampaignHead(props: { detail: CampaignDetail; office: boolean; now: string; asOf?: string | undefined; onAdvanced?: (detail: CampaignDetail) => void }) {
  // The campaign as it was when the dialog opened: the phase left, which the board may have moved past by the answer.
  const [advancing, setAdvancing] = createSignal<CampaignDetail | null>(null);
  const advanced = (before: CampaignDetail, after: CampaignDetail | null) => {
    setAdvancing(null);
    if (after === null) return;
    const said = bm(before.state === 'planned' ? 'started' : 'advanced', { current: tr(campaignStateLabels[before.state]), next: tr(campaignStateLabels[after.state]) });
    // The phase left has its report frozen: the office's next step is often to read or export it.
    const frozen = before.state === 'planned' || before.state === 'concluded' ? undefined : before.state;
    const report = frozen === undefined ? undefined : { href: `/campaigns/${before.id}/reports?scope=phase&phase=${frozen}`, text: () => bm('frozenReport', { phase: tr(campaignStateLabels[frozen]) }) };
    toast(() => said, 'info', report);
    announce(said);
    props.onAdvanced?.(after);
  };
  // Whether the phase's dates fit beside the name whole; measured, as no layout rule shows a text whole or not at all.
  let datesBox: HTMLSpanElement | undefined;
  const [datesFit, setDatesFit] = createSignal(true);
  onMount(() => {
    const box = datesBox;
    if (box === undefined) return;
    const observer = new ResizeObserver(() => setDatesFit(box.scrollWidth <= box.clientWidth + 1));
    observer.observe(box);
    onCleanup(() => observer.disconnect());
  });
  return (
    <div class="campaign-head">
      <h1 class="campaign-name" title={named(props.detail)}>
        {named(props.detail)}
      </h1>
      <span class={`phase-pill phase-${props.detail.state}`} data-testid="phase" title={phaseWindow(props.detail)}>
        <span class="phase-label">{t('currentPhase')}</span>
        {tr(campaignStateLabels[props.detail.state])}
      </span>
      <span ref={datesBox} class="muted phase-window" classList={{ cut: !datesFit() }} data-testid="phase-window">
        <span>{phaseWindow(props.detail)}</span>
      </span>
      {/* Once concluded, the cards' levels and ages stand at the conclusion, not today: said as the wall says its 截至. */}
      <Show when={props.detail.state === 'concluded' ? props.asOf : undefined}>
        {(at) => (
          <span class="muted deadlines-as-of" title={t('deadlinesAsOfTitle')} data-testid="deadlines-as-of">
            {t('deadlinesAsOf')} {dateTime(at(), props.detail.timeZone)}
          </span>
        )}
      </Show>
      <Show when={props.detail.overdue}>
        <span class="level-badge level-2">{t('phaseOverdue')}</span>
      </Show>
      {/* The office moves the campaign on once the next window has begun; the server judges again, and the criteria.
          Before then its button says from when, and where the windows are set. */}
      <Show when={props.office && advanceDue(props.detail, props.now)}>
        <button type="button" class="button ghost advance-button" data-testid="advance-button" onClick={() => setAdvancing(props.detail)}>
          {bm('advanceButton')}
        </button>
      </Show>
      <Show when={props.office && !advanceDue(props.detail, props.now) ? advanceOpensOn(props.detail) : null}>
        {(opensOn) => (
          <button
            type="button"
            class="button ghost advance-button waiting"
            aria-disabled="true"
            data-testid="advance-later"
            title={advanceLater(props.detail, opensOn())}
            onClick={() => toast(() => advanceLater(props.detail, opensOn()), 'info', { href: `/campaigns/${props.detail.id}/settings`, text: () => bm('advanceWindows') })}
          >
            {bm('advanceButton')}
          </button>
        )}
      </Show>
      <Show when={advancing()}>
        {(opened) => <AdvanceDialog detail={props.detail} window={phaseWindow(props.detail)} now={props.now} onClose={(after) => advanced(opened(), after)} />}
      </Show>
      <Show when={props.office && storageToWarnOf(props.detail.storage)}>
        {(use) => (
          <A
            href={`/campaigns/${props.detail.id}/settings`}
            class="storage-chip"
            classList={{ full: use().full }}
            data-testid="storage-chip"
            title={bm('storageChipTitle', { percent: use().percent, quota: use().quotaMb, left: storageSize(use().leftBytes) })}
          >
            {use().full ? bm('storageChipFull') : bm('storageChip', { percent: use().percent })}
          </A>
        )}
      </Show>
    </div>
  );
}
