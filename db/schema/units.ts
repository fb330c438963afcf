import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

import { unitKinds } from '../../engine/units';

/**
 * The bureau's units: the campaign office at the root, city detachments and
 * county branches below it, deeper where needed. The id is the short unit
 * code that also names the demo accounts (`hantai.lead`).
 */
export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  parentId: text('parent_id').references((): AnySQLiteColumn => units.id),
  kind: text('kind', { enum: unitKinds }).notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** The feature of the campaign's map this unit is drawn as (e.g. 610702 for 汉台). */
  mapFeatureId: text('map_feature_id'),
  sortOrder: integer('sort_order').notNull().default(0),
  /** A unit that no longer takes work; kept (never deleted) once it has held items or users, so history still names it. */
  retiredAt: text('retired_at'),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});
