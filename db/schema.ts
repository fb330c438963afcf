/** The database schema: the single source of truth for what is stored. */
export * from './schema/units';
export * from './schema/users';
export * from './schema/people';
export * from './schema/campaigns';
export * from './schema/items';
export * from './schema/audit';
export * from './schema/escalations';
export * from './schema/reports';
export * from './schema/requests';
export * from './schema/attachments';
