/**
 * The engine: the single judge of what may happen in a campaign. Pure
 * TypeScript on XState v5 — no I/O, no clock; "now" is always an argument.
 */
export * from './actor';
export * from './labels';
export * from './refusals';
export * from './outcome';
export * from './validation';
export * from './deadlines/local-time';
export * from './deadlines/escalation-level';
export * from './item/types';
export * from './item/permissions';
export { creationRefusal } from './item/create';
export type { ItemFacts } from './item/kind';
export { extensionRequestOf, leadExtensionRefusal, ownRequestRefusal, type ExtensionRequest, type WithExtensionRequest } from './item/extension';
export type { CreateEvent, Replayed, ReplayFailure } from './item/replay';
export * from './clue/clue.model';
export { canonicalCaseNumber } from './clue/case-number';
export * from './clue/clue.kind';
export * from './clue/clue.labels';
export * from './problem/problem.model';
export * from './problem/problem.kind';
export * from './problem/problem.labels';
export * from './awaiting-office';
export * from './campaign/campaign.model';
export * from './campaign/campaign.kind';
export * from './campaign/deadlines-judged-at';
export * from './campaign/campaign.labels';
export * from './campaign/campaign-config';
export * from './campaign/item-rules';
export * from './campaign/exit-criteria';
export * from './units';
export * from './report/report';
export * from './report/category-rows';
export * from './report/unit-targets';
export * from './report/report.labels';
export * from './intake/identifiers';
export * from './intake/found-date';
export * from './intake/found-before-campaign';
