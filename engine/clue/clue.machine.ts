import { and, assign, setup } from 'xstate';
import { withFiles } from '../item/attachments';
import { requestEndedWithState, withExtension } from '../item/extension';
import { guardsFrom } from '../item/checks';
import { clueChecks } from './clue.checks';
import { typicalCaseOf, type ClueContext, type ClueEvent } from './clue.model';

/**
 * The clue statechart: found → verifying → filed → solved → prosecuted, with
 * unfounded (and reopen) off verifying, merged from any open state, and
 * changes that keep the state (assign, edit, transfer, absorb) and work
 * notes as events of their own so that every change is versioned and
 * replayable.
 *
 * The machine is only ever used through pure `transition()`; nothing here
 * reads a clock: the instant and the due time arrive in `event.meta`.
 */
const clue = setup({
  types: {
    context: {} as ClueContext,
    events: {} as ClueEvent,
    input: {} as ClueContext,
  },
  guards: guardsFrom(clueChecks),
  actions: {
    // A request for more time is for the deadline of the state it was made in: it ends with it.
    enterState: assign(({ context, event }) => ({ enteredAt: event.meta.at, dueAt: event.meta.dueAt, ...requestEndedWithState(context) })),
    // An extension (the state and its entry stay; the event's meta carries the later due time), a request for one, a decline.
    recordExtension: assign(({ context, event }) => withExtension(context, event)),
    // The note's text is in its audit entry; the context keeps when, for "last noted" on the card.
    recordNote: assign(({ event }) => ({ lastNoteAt: event.meta.at })),
    recordFiles: assign(({ context, event }) => withFiles(context, event)),
    recordTypical: assign(({ event }) => (event.type === 'clue.markTypical' ? { typical: { summary: event.summary, markedAt: event.meta.at } } : {})),
    // Withdrawn, not forgotten: the summary published before stays in the history. A clue merged into another is no
    // longer a case of its own to publicise (a clue never chosen keeps its context as it was, so older merges replay alike).
    clearTypical: assign(({ context }) => (typicalCaseOf(context) === null ? {} : { typical: null })),
    recordAssignee: assign(({ event }) =>
      (event.type === 'clue.verify' && event.assigneeId !== undefined) || event.type === 'clue.assign'
        ? { assigneeId: event.assigneeId ?? null }
        : {},
    ),
    recordCaseDetails: assign(({ event }) =>
      event.type === 'clue.file' ? { caseNumber: event.caseNumber, conclusion: event.conclusion } : {},
    ),
    recordOutcome: assign(({ event }) => (event.type === 'clue.solve' ? { outcome: event.outcome } : {})),
    recordProsecution: assign(({ event }) =>
      event.type === 'clue.prosecute' ? { sentForProsecution: event.sentForProsecution } : {},
    ),
    recordDismissal: assign(({ event }) => (event.type === 'clue.dismiss' ? { conclusion: event.conclusion } : {})),
    // A reopened clue is verified afresh; the old conclusion stays in its history.
    clearConclusion: assign({ conclusion: null }),
    recordMerge: assign(({ event }) => (event.type === 'clue.merge' ? { mergedInto: event.target.id } : {})),
    recordAbsorbed: assign(({ context, event }) =>
      event.type === 'clue.absorb' ? { absorbed: [...context.absorbed, event.sourceId] } : {},
    ),
    // The old unit's assignee has no place in the new unit; its lead assigns afresh.
    recordTransfer: assign(({ event }) => (event.type === 'clue.transfer' ? { unitId: event.unitId, assigneeId: null } : {})),
    recordEdit: assign(({ event }) => {
      if (event.type !== 'clue.edit') return {};
      const { title, description, categoryId, source } = event;
      return {
        ...(title !== undefined && { title }),
        ...(description !== undefined && { description }),
        ...(categoryId !== undefined && { categoryId }),
        ...(source !== undefined && { source }),
      };
    }),
  },
});

// Later duplicates may be merged into any clue that is not itself merged.
const absorb = { guard: and(['campaignOpen', 'actorInScope']), actions: 'recordAbsorbed' } as const;

// Whoever works the clue notes what was done, closed or not: the prosecutors' questions come after prosecuted, new facts after unfounded.
const note = { guard: and(['campaignOpen', 'actorMayMove']), actions: 'recordNote' } as const;

// Files go where notes go (a judgment's scan after prosecuted), on the same who-rule; an officer removes only their own.
const files = {
  'clue.attach': { guard: and(['campaignOpen', 'actorMayMove', 'attachmentRoom']), actions: 'recordFiles' },
  'clue.detach': { guard: and(['campaignOpen', 'actorMayMove', 'attachmentPresent', 'detachByAttacherOrLead']), actions: 'recordFiles' },
} as const;

/**
 * A solved case may be chosen as a typical case to publicise (the campaign's
 * "曝光典型案例"), its summary revised, or the choice withdrawn: the unit
 * lead's or the office's call, since it speaks for the campaign.
 */
const typicalCase = {
  'clue.markTypical': { guard: and(['campaignOpen', 'actorIsLeadOrOffice']), actions: 'recordTypical' },
  'clue.unmarkTypical': { guard: and(['campaignOpen', 'actorIsLeadOrOffice', 'isTypical']), actions: 'clearTypical' },
} as const;

/**
 * What every open state accepts besides its own moves: merge into another
 * clue, and the changes that keep the state.
 */
const whileOpen = {
  'clue.merge': {
    target: 'merged',
    guard: and(['campaignOpen', 'actorMayMove', 'mergeAcrossUnitsByOffice', 'mergeTargetValid']),
    actions: ['recordMerge', 'clearTypical', 'enterState'],
  },
  'clue.assign': { guard: and(['campaignOpen', 'actorIsLeadOrOffice', 'assignToAnother']), actions: 'recordAssignee' },
  'clue.transfer': {
    guard: and(['campaignOpen', 'actorIsLeadOrOffice', 'transferToAnotherUnit']),
    actions: 'recordTransfer',
  },
  'clue.edit': { guard: and(['campaignOpen', 'actorMayMove']), actions: 'recordEdit' },
  'clue.absorb': absorb,
  'clue.note': note,
  ...files,
  // More time in this state (延期): a lead's or the office's call, as assigning is. A grant names the request it answers, which must still wait.
  'clue.extend': { guard: and(['campaignOpen', 'actorIsLeadOrOffice', 'answersWaitingRequest', 'extensionLater']), actions: 'recordExtension' },
  // Whoever works the clue asks for it; a new request replaces one still waiting.
  'clue.requestExtension': { guard: and(['campaignOpen', 'actorMayMove', 'extensionLater']), actions: 'recordExtension' },
  'clue.declineExtension': { guard: and(['campaignOpen', 'actorIsLeadOrOffice', 'extensionRequested']), actions: 'recordExtension' },
} as const;

export const clueMachine = clue.createMachine({
  id: 'clue',
  initial: 'found',
  context: ({ input }) => input,
  states: {
    found: {
      on: {
        'clue.verify': {
          target: 'verifying',
          guard: and(['campaignOpen', 'actorMayMove', 'hasAssignee']),
          actions: ['recordAssignee', 'enterState'],
        },
        ...whileOpen,
      },
    },
    verifying: {
      on: {
        'clue.file': {
          target: 'filed',
          guard: and(['campaignOpen', 'actorMayMove']),
          actions: ['recordCaseDetails', 'enterState'],
        },
        'clue.dismiss': {
          target: 'unfounded',
          guard: and(['campaignOpen', 'actorIsLeadOrOffice']),
          actions: ['recordDismissal', 'enterState'],
        },
        ...whileOpen,
      },
    },
    filed: {
      on: {
        'clue.solve': {
          target: 'solved',
          guard: and(['campaignOpen', 'actorMayMove']),
          actions: ['recordOutcome', 'enterState'],
        },
        ...whileOpen,
      },
    },
    solved: {
      on: {
        'clue.prosecute': {
          target: 'prosecuted',
          guard: and(['campaignOpen', 'actorIsLeadOrOffice']),
          actions: ['recordProsecution', 'enterState'],
        },
        ...whileOpen,
        ...typicalCase,
      },
    },
    // Closed: the case went to the prosecutors.
    prosecuted: {
      on: {
        'clue.absorb': absorb,
        'clue.note': note,
        ...files,
        ...typicalCase,
      },
    },
    // Closed unless reopened with a reason.
    unfounded: {
      on: {
        'clue.reopen': {
          target: 'verifying',
          guard: and(['campaignOpen', 'actorIsLeadOrOffice']),
          actions: ['clearConclusion', 'enterState'],
        },
        'clue.absorb': absorb,
        'clue.note': note,
        ...files,
      },
    },
    merged: { type: 'final' },
  },
});
