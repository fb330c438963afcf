import type { Actor } from '../../engine/actor';
import type { ClueOutcome } from '../../engine/outcome';
import type { ClueContext, ClueState } from '../../engine/clue/clue.model';
import type { ClueRecord } from '../../engine/clue/clue.kind';
import type { ItemRulesContext } from '../../engine/item/types';
import type { ProblemContext, ProblemState } from '../../engine/problem/problem.model';
import type { ProblemRecord } from '../../engine/problem/problem.kind';

/** The demo's rules: Shanghai time, the default limits, campaign running. */
export const rules: ItemRulesContext = {
  timeZone: 'Asia/Shanghai',
  timeLimits: { found: 3, verifying: 15, filed: 60, solved: 30, identified: 7, rectifying: 30, rectified: 7 },
  escalation: { dueSoonHours: 24, longOverdueDays: 7 },
  campaignConcluded: false,
  campaignLastDay: '2026-12-31',
};
export const concludedRules: ItemRulesContext = { ...rules, campaignConcluded: true };

export const now = new Date('2026-04-10T02:00:00Z');

/** Actors in every relation to a clue of unit `hantai` assigned to user 7. */
export const actors = {
  office: { userId: 1, role: 'office', unitScope: [] },
  leadInScope: { userId: 2, role: 'lead', unitScope: ['hantai'] },
  leadAbove: { userId: 3, role: 'lead', unitScope: ['city', 'hantai', 'nanzheng'] },
  leadOutOfScope: { userId: 4, role: 'lead', unitScope: ['nanzheng'] },
  officerAssigned: { userId: 7, role: 'officer', unitScope: ['hantai'] },
  officerNotAssigned: { userId: 8, role: 'officer', unitScope: ['hantai'] },
  officerOtherUnit: { userId: 9, role: 'officer', unitScope: ['nanzheng'] },
  admin: { userId: 10, role: 'admin', unitScope: [] },
  viewer: { userId: 11, role: 'viewer', unitScope: [] },
} as const satisfies Record<string, Actor>;
export type ActorName = keyof typeof actors;

export const zeroOutcome: ClueOutcome = {
  organisationType: 'none',
  suspectsCaught: 0,
  criminallyDetained: 0,
  arrested: 0,
  gunsSeized: 0,
  assetsSeizedYuan: 0,
  moneyInvolvedYuan: 0,
  moneyStoppedYuan: 0,
  moneyFrozenYuan: 0,
  moneyReturnedYuan: 0,
  victimsWarned: 0,
};

export function clueContext(overrides: Partial<ClueContext> = {}): ClueContext {
  return {
    campaignId: 1,
    unitId: 'hantai',
    categoryId: 1,
    assigneeId: 7,
    title: '网络套路贷线索',
    description: '',
    source: 'platform110',
    caseNumber: null,
    conclusion: null,
    outcome: null,
    sentForProsecution: null,
    mergedInto: null,
    absorbed: [],
    foundAt: '2026-04-01T02:00:00.000Z',
    enteredAt: '2026-04-01T02:00:00.000Z',
    dueAt: '2026-04-04T16:00:00.000Z',
    ...overrides,
  };
}

export function clueIn(state: ClueState, overrides: Partial<ClueContext> = {}, id = 100): ClueRecord {
  return { id, state, context: clueContext(overrides), version: 3 };
}

/** A complete, valid payload for the move from one state into another. */
export function fullPayload(from: ClueState, to: ClueState): Record<string, unknown> {
  if (to === 'verifying' && from === 'unfounded') return { reason: '发现新证据' };
  return fullPayloads[to];
}

const fullPayloads: Record<ClueState, Record<string, unknown>> = {
  found: {},
  verifying: {},
  filed: { caseNumber: 'A2026-001', conclusion: '线索属实' },
  solved: { outcome: zeroOutcome },
  prosecuted: { sentForProsecution: 0 },
  unfounded: { conclusion: '经核查不属实' },
  merged: { targetId: 200 },
};

export const mergeTarget = { id: 200, campaignId: 1, unitId: 'hantai', state: 'verifying', chain: [] } as const;

export function problemIn(state: ProblemState, overrides: Partial<ProblemContext> = {}, id = 300): ProblemRecord {
  return {
    id,
    state,
    version: 2,
    context: {
      campaignId: 1,
      unitId: 'hantai',
      categoryId: 5,
      assigneeId: 7,
      title: '违规网站整改',
      description: '',
      problemKind: 'website',
      rectification: null,
      rejection: null,
      identifiedAt: '2026-04-01T02:00:00.000Z',
      enteredAt: '2026-04-01T02:00:00.000Z',
      dueAt: '2026-04-08T16:00:00.000Z',
      ...overrides,
    },
  };
}

export const rectification = { measures: '关停网站并约谈平台', websitesShutDown: 3, accountsClosed: 0 };

/** The demo campaign's windows and criteria, in 2026. */
export const campaignConfig = {
  timeZone: 'Asia/Shanghai',
  windows: {
    survey: { start: '2026-01-01', end: '2026-03-31' },
    crackdown: { start: '2026-03-01', end: '2026-08-31' },
    consolidation: { start: '2026-09-01', end: '2026-12-31' },
  },
} as const;
