import {
  campaignConfigSchema,
  isKnownTimeZone,
  openClueStates,
  openProblemStates,
  phases,
  validate,
  hasLeft,
  type CampaignConfig,
  type CampaignState,
  type FieldIssue,
  type Label,
  type Phase,
} from '../../engine';
import { campaignStateLabels } from '../../engine/campaign/campaign.labels';
import { campaignEndsBeforeItStarts } from '../../engine/deadlines/local-time';

/** A campaign's configuration with its dates: everything the cross-field rules read. */
export interface CampaignPlan {
  readonly startsOn: string;
  readonly endsOn: string;
  readonly config: CampaignConfig;
}

const issue = (field: string, message: Label): FieldIssue => ({ field, message });
const phaseName = (phase: Phase) => campaignStateLabels[phase];

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

/**
 * A campaign is time-boxed: the longest national one (a three-year struggle) fits with room to spare. Its reports and
 * charts count it a day at a time, so a slip of the year (0001 to 9999) made every chart of it millions of points.
 */
const maxCampaignYears = 5;
const dayMs = 86_400_000;
const dateMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const maxCampaignDays = Math.round((dateMs('2031-01-01') - dateMs('2026-01-01')) / dayMs);
const daysFrom = (from: string, to: string) => Math.round((dateMs(to) - dateMs(from)) / dayMs);
const lastDayFrom = (startsOn: string) => new Date(dateMs(startsOn) + (maxCampaignDays - 1) * dayMs).toISOString().slice(0, 10);

/**
 * The rules a campaign's configuration must keep beyond each field's own
 * shape, each broken rule named by the field to correct: windows inside the
 * campaign and in the phases' order, exit criteria that can be met, targets
 * of real units without two figures for one count, and a due-soon warning
 * that does not start before an item has even entered its state.
 */
export function checkCampaignPlan(plan: CampaignPlan, unitIds: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { startsOn, endsOn, config } = plan;

  for (const [field, date] of [['startsOn', startsOn], ['endsOn', endsOn]] as const) {
    if (!isCalendarDate(date)) issues.push(issue(field, { zh: `不是有效日期：${date}`, en: `Not a calendar date: ${date}` }));
  }
  const datesValid = issues.length === 0;
  if (datesValid && startsOn > endsOn) {
    issues.push(issue('endsOn', { zh: '结束日期早于开始日期', en: campaignEndsBeforeItStarts }));
  } else if (datesValid && daysFrom(startsOn, endsOn) >= maxCampaignDays) {
    issues.push(issue('endsOn', { zh: `专项行动最长 ${maxCampaignYears} 年（至多到 ${lastDayFrom(startsOn)}）`, en: `A campaign lasts at most ${maxCampaignYears} years (to ${lastDayFrom(startsOn)} at the latest)` }));
  }
  if (!isKnownTimeZone(config.timeZone)) {
    issues.push(issue('timeZone', { zh: `未知时区：${config.timeZone}（应为 IANA 时区名，如 Asia/Shanghai）`, en: `Unknown time zone ${config.timeZone} (an IANA name such as Asia/Shanghai)` }));
  }

  for (const phase of phases) {
    const window = config.windows[phase];
    const name = phaseName(phase);
    for (const end of ['start', 'end'] as const) {
      const date = window[end];
      const field = `windows.${phase}.${end}`;
      if (!isCalendarDate(date)) issues.push(issue(field, { zh: `不是有效日期：${date}`, en: `Not a calendar date: ${date}` }));
      // Not against a span that ends before it starts: said once, at its end date, not again by each window of the phases.
      else if (datesValid && startsOn <= endsOn && (date < startsOn || date > endsOn)) {
        issues.push(issue(field, { zh: `“${name.zh}”阶段的时间窗口超出专项行动的起止日期（${startsOn} 至 ${endsOn}）`, en: `The ${name.en} window falls outside the campaign's dates (${startsOn} to ${endsOn})` }));
      }
    }
    if (window.start > window.end) {
      issues.push(issue(`windows.${phase}.end`, { zh: `“${name.zh}”阶段的结束日期早于开始日期`, en: `The ${name.en} window ends before it starts` }));
    }
  }
  // The phases follow one another: each opens and closes no earlier than the one before (they may overlap, as March does in the demo).
  for (let i = 1; i < phases.length; i += 1) {
    const before = phases[i - 1] as Phase;
    const phase = phases[i] as Phase;
    const [a, b] = [config.windows[before], config.windows[phase]];
    if (b.start < a.start) {
      issues.push(issue(`windows.${phase}.start`, { zh: `“${phaseName(phase).zh}”阶段的开始日期不能早于“${phaseName(before).zh}”阶段的开始日期`, en: `The ${phaseName(phase).en} window cannot open before the ${phaseName(before).en} window opens` }));
    }
    if (b.end < a.end) {
      issues.push(issue(`windows.${phase}.end`, { zh: `“${phaseName(phase).zh}”阶段的结束日期不能早于“${phaseName(before).zh}”阶段的结束日期`, en: `The ${phaseName(phase).en} window cannot close before the ${phaseName(before).en} window closes` }));
    }
  }

  const openStates = { clue: openClueStates as readonly string[], problem: openProblemStates as readonly string[] };
  for (const phase of phases) {
    const seen = new Set<string>();
    config.exitCriteria[phase].forEach((criterion, i) => {
      const field = `exitCriteria.${phase}.${i}`;
      if (seen.has(criterion.kind)) {
        issues.push(issue(field, { zh: '同一阶段重复设置了同类完成条件，请合并为一条', en: 'This phase already has a criterion of this kind; combine them into one' }));
      }
      seen.add(criterion.kind);
      if (criterion.kind === 'noCluesIn' || criterion.kind === 'noProblemsIn') {
        const open = criterion.kind === 'noCluesIn' ? openStates.clue : openStates.problem;
        const closed = criterion.states.filter((s) => !open.includes(s));
        // Closed states are final: once one item reaches them it never leaves, so "none left there" could never hold again.
        if (closed.length > 0) {
          issues.push(issue(`${field}.states`, { zh: `办结状态（${closed.join('、')}）中的事项不会再离开，此条件将永远无法满足`, en: `Items never leave the closed state(s) ${closed.join(', ')}: this criterion could never be met` }));
        }
      }
      if (criterion.kind === 'unitTargetsMet' && !config.targets.some((t) => t.phase === phase)) {
        issues.push(issue(field, { zh: '本阶段没有设置任何单位目标，此条件无从判断', en: 'No unit has a target for this phase: there is nothing for this criterion to check' }));
      }
    });
  }

  const targetKeys = new Set<string>();
  config.targets.forEach((target, i) => {
    if (!unitIds.has(target.unitId)) issues.push(issue(`targets.${i}.unitId`, { zh: `没有这个单位：${target.unitId}`, en: `There is no unit ${target.unitId}` }));
    const key = `${target.unitId}|${target.phase}|${target.metric}`;
    if (targetKeys.has(key)) {
      issues.push(issue(`targets.${i}`, { zh: '该单位在本阶段已有同一指标的目标，两个目标相互冲突', en: 'This unit already has a target for this measure in this phase; the two would conflict' }));
    }
    targetKeys.add(key);
  });

  const shortestLimitHours = 24 * Math.min(...Object.values(config.timeLimits.clue), ...Object.values(config.timeLimits.problem));
  if (config.escalation.dueSoonHours >= shortestLimitHours) {
    issues.push(
      issue('escalation.dueSoonHours', {
        zh: `临期提醒（${config.escalation.dueSoonHours} 小时）不短于最短的办理时限（${shortestLimitHours} 小时），事项一进入该状态就会临期`,
        en: `The due-soon warning (${config.escalation.dueSoonHours} h) is not shorter than the shortest time limit (${shortestLimitHours} h): items would be due soon the moment they enter`,
      }),
    );
  }

  // Last, the engine's own schema: what it reads must parse, whatever the checks above let through.
  if (issues.length === 0) {
    const parsed = validate(campaignConfigSchema, config);
    if (!parsed.ok) issues.push(...parsed.fields);
  }
  return issues;
}

/**
 * A phase the campaign has left keeps its targets: they were frozen with its report at the advance, and the report of
 * the phase, the whole campaign's and each unit's, counts against them. Changed later, a unit's report and the
 * bureau's disagreed about the same ended phase. Each target of such a phase added or changed is named by its row; one
 * removed, by the targets as a whole.
 */
export function checkLeftPhaseTargets(before: CampaignConfig['targets'], after: CampaignConfig['targets'], state: CampaignState): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const key = (target: CampaignConfig['targets'][number]) => `${target.unitId}|${target.metric}|${target.value}`;
  for (const phase of phases.filter((p) => hasLeft(state, p))) {
    const was = before.filter((t) => t.phase === phase).map(key).sort();
    const is = after.filter((t) => t.phase === phase).map(key).sort();
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    const name = phaseName(phase);
    const message = { zh: `${name.zh}阶段已结束，其目标已随阶段报告定稿，不能再改`, en: `The ${name.en.toLowerCase()} phase has ended: its targets were frozen with its report and cannot be changed` };
    const kept = new Set(was);
    const rows = after.flatMap((t, i) => (t.phase === phase && !kept.has(key(t)) ? [i] : []));
    if (rows.length === 0) issues.push(issue('targets', message));
    else for (const i of rows) issues.push(issue(`targets.${i}`, message));
  }
  return issues;
}
