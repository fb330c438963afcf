import { and, assign, setup } from 'xstate';
import { withFiles } from '../item/attachments';
import { requestEndedWithState, withExtension } from '../item/extension';
import { guardsFrom } from '../item/checks';
import { problemChecks } from './problem.checks';
import type { ProblemContext, ProblemEvent } from './problem.model';

/**
 * The problem (rectification item) statechart: identified → rectifying →
 * rectified → verified (销号, closed by the office), with the office's check
 * able to send it back to rectifying with a reason.
 */
const problem = setup({
  types: {
    context: {} as ProblemContext,
    events: {} as ProblemEvent,
    input: {} as ProblemContext,
  },
  guards: guardsFrom(problemChecks),
  actions: {
    // A request for more time is for the deadline of the state it was made in: it ends with it.
    enterState: assign(({ context, event }) => ({ enteredAt: event.meta.at, dueAt: event.meta.dueAt, ...requestEndedWithState(context) })),
    // An extension (the state and its entry stay; the event's meta carries the later due time), a request for one, a decline.
    recordExtension: assign(({ context, event }) => withExtension(context, event)),
    // The note's text is in its audit entry; the context keeps when, for "last noted" on the card.
    recordNote: assign(({ event }) => ({ lastNoteAt: event.meta.at })),
    recordFiles: assign(({ context, event }) => withFiles(context, event)),
    recordAssignee: assign(({ event }) =>
      (event.type === 'problem.rectify' && event.assigneeId !== undefined) || event.type === 'problem.assign'
        ? { assigneeId: event.assigneeId ?? null }
        : {},
    ),
    recordRectification: assign(({ event }) =>
      event.type === 'problem.complete' ? { rectification: event.rectification, rejection: null } : {},
    ),
    recordRejection: assign(({ event }) => (event.type === 'problem.reject' ? { rejection: event.reason } : {})),
    recordTransfer: assign(({ event }) =>
      event.type === 'problem.transfer' ? { unitId: event.unitId, assigneeId: null } : {},
    ),
    recordEdit: assign(({ event }) => {
      if (event.type !== 'problem.edit') return {};
      const { title, description, categoryId, problemKind } = event;
      return {
        ...(title !== undefined && { title }),
        ...(description !== undefined && { description }),
        ...(categoryId !== undefined && { categoryId }),
        ...(problemKind !== undefined && { problemKind }),
      };
    }),
  },
});

/** What every open state accepts besides its own moves. */
const whileOpen = {
  'problem.assign': { guard: and(['campaignOpen', 'actorIsLeadOrOffice', 'assignToAnother']), actions: 'recordAssignee' },
  'problem.transfer': {
    guard: and(['campaignOpen', 'actorIsLeadOrOffice', 'transferToAnotherUnit']),
    actions: 'recordTransfer',
  },
  'problem.edit': { guard: and(['campaignOpen', 'actorMayMove']), actions: 'recordEdit' },
  'problem.note': { guard: and(['campaignOpen', 'actorMayMove']), actions: 'recordNote' },
  // Files on the same who-rule as notes; an officer removes only their own.
  'problem.attach': { guard: and(['campaignOpen', 'actorMayMove', 'attachmentRoom']), actions: 'recordFiles' },
  'problem.detach': { guard: and(['campaignOpen', 'actorMayMove', 'attachmentPresent', 'detachByAttacherOrLead']), actions: 'recordFiles' },
  // More time in this state (延期): a lead's or the office's call, as assigning is. A grant names the request it answers, which must still wait.
  'problem.extend': { guard: and(['campaignOpen', 'actorIsLeadOrOffice', 'answersWaitingRequest', 'extensionLater']), actions: 'recordExtension' },
  // Whoever works the item asks for it; a new request replaces one still waiting.
  'problem.requestExtension': { guard: and(['campaignOpen', 'actorMayMove', 'extensionLater']), actions: 'recordExtension' },
  'problem.declineExtension': { guard: and(['campaignOpen', 'actorIsLeadOrOffice', 'extensionRequested']), actions: 'recordExtension' },
} as const;

export const problemMachine = problem.createMachine({
  id: 'problem',
  initial: 'identified',
  context: ({ input }) => input,
  states: {
    identified: {
      on: {
        'problem.rectify': {
          target: 'rectifying',
          guard: and(['campaignOpen', 'actorMayMove', 'hasAssignee']),
          actions: ['recordAssignee', 'enterState'],
        },
        ...whileOpen,
      },
    },
    rectifying: {
      on: {
        'problem.complete': {
          target: 'rectified',
          guard: and(['campaignOpen', 'actorMayMove']),
          actions: ['recordRectification', 'enterState'],
        },
        ...whileOpen,
      },
    },
    // Waiting for the office's check (销号).
    rectified: {
      on: {
        'problem.verify': { target: 'verified', guard: and(['campaignOpen', 'actorIsOffice']), actions: 'enterState' },
        'problem.reject': {
          target: 'rectifying',
          guard: and(['campaignOpen', 'actorIsOffice']),
          actions: ['recordRejection', 'enterState'],
        },
        ...whileOpen,
      },
    },
    verified: { type: 'final' },
  },
});
