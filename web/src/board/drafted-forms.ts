/**
 * The drawer's forms kept as drafts of their fields (besides the note's and the summary's, drafts of their own), in the
 * order one is reopened. Apart from the forms themselves (drafted-actions.tsx), so that what reads their drafts
 * without drawing them (item-left.ts) needs none of their JSX.
 */
export const draftedForms = ['edit', 'transfer', 'extend', 'ask', 'decline', 'merge', 'untypical'] as const;
export type DraftedForm = (typeof draftedForms)[number];
