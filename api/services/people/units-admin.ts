import { and, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../../../db/client';
import { auditLog, campaignSubjects, clues, escalations, problems, unitLeads, units, users } from '../../../db/schema';
import type { FieldIssue } from '../../../engine';
import type { NewUnit, UnitEdit, UnitNode } from '../../contracts/users';
import { ApiError } from '../../errors';
import { subtreeOf } from '../../auth/unit-scope';
import { invalid, leadRoles } from './accounts';
import { auditPeople, changedFields, type AdminChange } from './people-audit';
import { englishNameAfter, englishNameOf } from '../english-name';
import { dropUncoveredLeads } from './uncovered-leads';
import { holdsItemsRefusal, itemsOutOfReachIn, releaseHeldItems } from './held-items';

async function countBy(db: Db | Tx, column: typeof users.unitId | typeof clues.unitId | typeof problems.unitId, table: typeof users | typeof clues | typeof problems) {
  const rows = await db.select({ unitId: column, n: count() }).from(table).groupBy(column);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}

/** What an entry records of a unit: its own fields and leads, not what it holds. */
function unitFacts(u: UnitNode) {
  return { parentId: u.parentId, kind: u.kind, nameZh: u.nameZh, nameEn: u.nameEn, mapFeatureId: u.mapFeatureId, sortOrder: u.sortOrder, retiredAt: u.retiredAt, leadIds: u.leadIds };
}

/** The whole tree with each unit's leads and what it holds, in display order. */
export async function listUnitTree(db: Db | Tx): Promise<UnitNode[]> {
  const rows = await db.select().from(units).orderBy(units.sortOrder, units.id);
  const leads = await db.select().from(unitLeads);
  const people = await countBy(db, users.unitId, users);
  const clueCounts = await countBy(db, clues.unitId, clues);
  const problemCounts = await countBy(db, problems.unitId, problems);
  return rows.map((u) => ({
    id: u.id,
    parentId: u.parentId,
    kind: u.kind,
    nameZh: u.nameZh,
    nameEn: u.nameEn,
    mapFeatureId: u.mapFeatureId,
    sortOrder: u.sortOrder,
    retiredAt: u.retiredAt,
    leadIds: leads.filter((l) => l.unitId === u.id).map((l) => l.userId),
    holds: { users: people.get(u.id) ?? 0, items: (clueCounts.get(u.id) ?? 0) + (problemCounts.get(u.id) ?? 0) },
  }));
}

async function readUnit(db: Db | Tx, id: string): Promise<UnitNode> {
  const unit = (await listUnitTree(db)).find((u) => u.id === id);
  if (unit === undefined) throw new ApiError('not_found');
  return unit;
}

/**
 * Leads must be active users of a lead role whose own scope covers the
 * unit (their unit or one above it), so that they can act on what is
 * escalated to them; office users may lead any unit.
 */
/** `newUnderParent`: the unit is being created below this parent, so it is not in the tree yet. */
async function leadIssues(tx: Tx, unitId: string, leadIds: readonly number[], newUnderParent?: string): Promise<FieldIssue[]> {
  if (leadIds.length === 0) return [];
  const stored = await tx.select({ id: units.id, parentId: units.parentId }).from(units);
  const tree = newUnderParent === undefined ? stored : [...stored, { id: unitId, parentId: newUnderParent }];
  const people = await tx.select().from(users).where(inArray(users.id, [...leadIds]));
  return leadIds.flatMap((id, i): FieldIssue[] => {
    const field = `leadIds.${i}`;
    const user = people.find((p) => p.id === id);
    if (user === undefined) return [{ field, message: { zh: `没有编号为 ${id} 的用户`, en: `There is no user ${id}` } }];
    if (user.disabledAt !== null) return [{ field, message: { zh: `${user.displayName} 已停用`, en: `${user.displayName} is disabled` } }];
    if (!leadRoles.includes(user.role)) return [{ field, message: { zh: `${user.displayName} 不是单位负责人或专项办人员`, en: `${user.displayName} is neither a unit lead nor office staff` } }];
    if (user.role === 'lead' && !subtreeOf(user.unitId, tree).includes(unitId)) {
      return [{ field, message: { zh: `${user.displayName} 所在单位不管辖该单位`, en: `${user.displayName}'s unit is not this unit or one above it` } }];
    }
    return [];
  });
}

async function setLeads(tx: Tx, unitId: string, leadIds: readonly number[]): Promise<void> {
  await tx.delete(unitLeads).where(eq(unitLeads.unitId, unitId));
  if (leadIds.length > 0) await tx.insert(unitLeads).values([...new Set(leadIds)].map((userId) => ({ unitId, userId })));
}

const parentIssue = (message: FieldIssue['message']): FieldIssue => ({ field: 'parentId', message });

/**
 * A map feature is one unit's shape: the battle map and the wall colour a
 * shape by one unit's figures, so a second unit named to it (a retired one
 * included: it is still drawn with its history) had its work drawn over
 * the other's, or not at all. Whoever moves a shape to a new unit clears it
 * on the old one first.
 */
async function featureIssue(tx: Tx, mapFeatureId: string | null | undefined, unitId: string): Promise<FieldIssue | null> {
  if (mapFeatureId === null || mapFeatureId === undefined) return null;
  const [holder] = await tx
    .select({ id: units.id, nameZh: units.nameZh, nameEn: units.nameEn })
    .from(units)
    .where(and(eq(units.mapFeatureId, mapFeatureId), ne(units.id, unitId)))
    .limit(1);
  if (holder === undefined) return null;
  return {
    field: 'mapFeatureId',
    message: { zh: `地图要素 ${mapFeatureId} 已属于${holder.nameZh}（${holder.id}），请先在该单位清除`, en: `The map feature ${mapFeatureId} is ${holder.nameEn}'s (${holder.id}): clear it there first` },
  };
}

/**
 * A unit's names are its own: an import and the people CSV find a unit by its name, and with two of one name every row
 * naming it went to whichever was read last, with nothing said (a retired unit's names count: it may be restored).
 */
async function nameIssues(tx: Tx, unitId: string, names: { readonly nameZh?: string | undefined; readonly nameEn?: string | undefined }): Promise<FieldIssue[]> {
  if (names.nameZh === undefined && names.nameEn === undefined) return [];
  const others = await tx.select({ id: units.id, nameZh: units.nameZh, nameEn: units.nameEn, retiredAt: units.retiredAt }).from(units).where(ne(units.id, unitId));
  const issues: FieldIssue[] = [];
  const taken = (field: 'nameZh' | 'nameEn', name: string, other: (typeof others)[number]): FieldIssue => ({
    field,
    message: {
      zh: `已有名为“${name}”的单位（${other.id}${other.retiredAt === null ? '' : '，已撤销'}）`,
      en: `There is a unit named “${name}” already (${other.id}${other.retiredAt === null ? '' : ', retired'})`,
    },
  });
  const { nameZh, nameEn } = names;
  const sameZh = nameZh === undefined ? undefined : others.find((u) => u.nameZh === nameZh);
  if (nameZh !== undefined && sameZh !== undefined) issues.push(taken('nameZh', nameZh, sameZh));
  // Not said twice when the English name is the Chinese one standing in for it.
  const sameEn = nameEn === undefined || nameEn === nameZh ? undefined : others.find((u) => u.nameEn.toLowerCase() === nameEn.toLowerCase());
  if (nameEn !== undefined && sameEn !== undefined) issues.push(taken('nameEn', nameEn, sameEn));
  return issues;
}

async function activeParentIssue(tx: Tx, parentId: string): Promise<FieldIssue | null> {
  const [parent] = await tx.select({ retiredAt: units.retiredAt }).from(units).where(eq(units.id, parentId)).limit(1);
  if (parent === undefined) return parentIssue({ zh: `没有编码为 ${parentId} 的单位`, en: `There is no unit with the code ${parentId}` });
  if (parent.retiredAt !== null) return parentIssue({ zh: '上级单位已撤销', en: 'The parent unit is retired' });
  return null;
}

/** Adds a unit below an existing one. There is one root, the campaign office, made at first start. */
export async function createUnit(database: Database, input: NewUnit, change: AdminChange): Promise<UnitNode> {
  const { now } = change;
  return database.write(async (tx) => {
    const issues: FieldIssue[] = [];
    const [existing] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.id)).limit(1);
    if (existing !== undefined) issues.push({ field: 'id', message: { zh: `单位编码 ${input.id} 已存在`, en: `The unit code ${input.id} is taken` } });
    const parent = await activeParentIssue(tx, input.parentId);
    if (parent !== null) issues.push(parent);
    if (input.kind === 'office') issues.push({ field: 'kind', message: { zh: '专项办只能有一个（根单位）', en: 'There is one campaign office, the root' } });
    const feature = await featureIssue(tx, input.mapFeatureId, input.id);
    if (feature !== null) issues.push(feature);
    issues.push(...(await nameIssues(tx, input.id, { nameZh: input.nameZh, nameEn: englishNameOf(input.nameEn, input.nameZh) })));
    if (issues.length === 0) issues.push(...(await leadIssues(tx, input.id, input.leadIds ?? [], input.parentId)));
    if (issues.length > 0) throw invalid(issues);
    // Without a place given, after every unit there is: a new county branch was listed (and tiled) before the others.
    const [last] = await tx.select({ order: sql<number | null>`max(${units.sortOrder})` }).from(units);
    await tx.insert(units).values({
      id: input.id,
      parentId: input.parentId,
      kind: input.kind,
      nameZh: input.nameZh,
      nameEn: englishNameOf(input.nameEn, input.nameZh),
      mapFeatureId: input.mapFeatureId ?? null,
      sortOrder: input.sortOrder ?? (last?.order ?? 0) + 1,
      createdAt: now.toISOString(),
    });
    await setLeads(tx, input.id, input.leadIds ?? []);
    const created = await readUnit(tx, input.id);
    await auditPeople(tx, change, { unit: input.id }, 'unit.create', unitFacts(created));
    return created;
  });
}

/**
 * Edits a unit: names, kind, map feature, order, leads; a new parent moves
 * it with everything below it, refused when the parent is the unit itself
 * or below it (a cycle would cut the subtree off the office). Retiring
 * keeps the unit and its history; it takes no new people or work.
 */
export async function editUnit(database: Database, id: string, edit: UnitEdit, change: AdminChange & { readonly by: number }): Promise<UnitNode> {
  const { now } = change;
  return database.write(async (tx) => {
    const before = await readUnit(tx, id);
    const issues: FieldIssue[] = [];
    const isRoot = before.parentId === null;
    if (edit.parentId !== undefined && edit.parentId !== before.parentId) {
      if (isRoot) issues.push(parentIssue({ zh: '专项办是根单位，不能移动', en: 'The campaign office is the root and cannot move' }));
      else {
        const tree = await tx.select({ id: units.id, parentId: units.parentId }).from(units);
        if (subtreeOf(id, tree).includes(edit.parentId)) {
          issues.push(parentIssue({ zh: '不能移到自身或其下级单位之下', en: 'A unit cannot move below itself or a unit below it' }));
        } else {
          const parent = await activeParentIssue(tx, edit.parentId);
          if (parent !== null) issues.push(parent);
        }
      }
    }
    if (edit.kind !== undefined && (edit.kind === 'office') !== isRoot) {
      issues.push({ field: 'kind', message: { zh: '只有根单位是专项办', en: 'Only the root unit is the campaign office' } });
    }
    if (edit.retired === true && before.retiredAt === null) {
      if (isRoot) issues.push({ field: 'retired', message: { zh: '专项办不能撤销', en: 'The campaign office cannot be retired' } });
      const [open] = await tx.select({ n: count() }).from(units).where(and(eq(units.parentId, id), isNull(units.retiredAt)));
      if ((open?.n ?? 0) > 0) issues.push({ field: 'retired', message: { zh: '请先撤销或移走其下级单位', en: 'Retire or move the units below it first' } });
    }
    if (edit.retired === false && before.retiredAt !== null && before.parentId !== null) {
      const parent = await activeParentIssue(tx, before.parentId);
      if (parent !== null) issues.push({ field: 'retired', message: parent.message });
    }
    if (edit.leadIds !== undefined) issues.push(...(await leadIssues(tx, id, edit.leadIds)));
    const feature = edit.mapFeatureId === before.mapFeatureId ? null : await featureIssue(tx, edit.mapFeatureId, id);
    if (feature !== null) issues.push(feature);
    const nameEnAfter = englishNameAfter(before, edit);
    issues.push(
      ...(await nameIssues(tx, id, {
        nameZh: edit.nameZh === before.nameZh ? undefined : edit.nameZh,
        nameEn: nameEnAfter === before.nameEn ? undefined : nameEnAfter,
      })),
    );
    if (issues.length > 0) throw invalid(issues);
    const { leadIds, retired, releaseHeldItems: _, ...fields } = edit;
    const changes = {
      ...fields,
      ...((fields.nameZh !== undefined || fields.nameEn !== undefined) && { nameEn: englishNameAfter(before, fields) }),
      ...(retired !== undefined && { retiredAt: retired ? (before.retiredAt ?? now.toISOString()) : null }),
    };
    if (Object.keys(changes).length > 0) await tx.update(units).set(changes).where(eq(units.id, id));
    if (leadIds !== undefined) await setLeads(tx, id, leadIds);
    const movedFrom = edit.parentId !== undefined && edit.parentId !== before.parentId;
    const treeAsMoved = movedFrom ? await tx.select({ id: units.id, parentId: units.parentId }).from(units) : [];
    const moved = movedFrom ? subtreeOf(id, treeAsMoved) : [];
    const dropped = movedFrom ? await dropUncoveredLeads(tx, { unitIds: moved }) : new Map<string, number[]>();
    // Read in the tree as moved (this transaction's): refused, nothing of the move is kept.
    const lost = movedFrom ? await itemsOutOfReachIn(tx, moved, treeAsMoved) : [];
    if (lost.length > 0 && edit.releaseHeldItems !== true) throw holdsItemsRefusal('parentId', lost.length);
    await releaseHeldItems(tx, lost, change);
    const tree = await listUnitTree(tx);
    const after = tree.find((u) => u.id === id);
    if (after === undefined) throw new ApiError('not_found');
    const changed = changedFields(unitFacts(before), unitFacts(after), ['parentId', 'kind', 'nameZh', 'nameEn', 'mapFeatureId', 'sortOrder', 'retiredAt', 'leadIds']);
    if (Object.keys(changed).length > 0) await auditPeople(tx, change, { unit: id }, 'unit.edit', { changes: changed, ...(lost.length > 0 && { itemsReleased: lost }) });
    // The units below it moved too: each one's leads taken off it is its own entry.
    for (const [unitId, userIds] of dropped) {
      if (unitId === id) continue;
      const to = tree.find((u) => u.id === unitId)?.leadIds ?? [];
      await auditPeople(tx, change, { unit: unitId }, 'unit.edit', { changes: { leadIds: { from: [...to, ...userIds].sort((a, b) => a - b), to } } });
    }
    return after;
  });
}

/**
 * Deletes a unit made by mistake: only one that never held anything. A unit
 * with users, items, units below it, escalations or history is retired
 * instead, so that what happened stays attributed to it.
 */
export async function deleteUnit(database: Database, id: string, change: AdminChange): Promise<void> {
  await database.write(async (tx) => {
    const unit = await readUnit(tx, id);
    const [children] = await tx.select({ n: count() }).from(units).where(eq(units.parentId, id));
    const [raised] = await tx.select({ n: count() }).from(escalations).where(eq(escalations.unitId, id));
    // Work done in the unit counts as history; the unit's own administration entries do not.
    const [history] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(eq(auditLog.unitId, id), inArray(auditLog.subject, [...campaignSubjects])));
    // What it holds, said: "retire it instead" alone left the administrator to guess why (units below it, say).
    const held = [
      ...(unit.parentId === null ? [{ zh: '是根单位', en: 'is the root' }] : []),
      ...(unit.holds.users > 0 ? [{ zh: `有 ${unit.holds.users} 名人员`, en: unit.holds.users === 1 ? 'has a user' : `has ${unit.holds.users} users` }] : []),
      ...(unit.holds.items > 0 ? [{ zh: `有 ${unit.holds.items} 条线索或问题`, en: unit.holds.items === 1 ? 'has a clue or problem' : `has ${unit.holds.items} clues or problems` }] : []),
      ...((children?.n ?? 0) > 0 ? [{ zh: `有 ${children?.n} 个下级单位`, en: children?.n === 1 ? 'has a unit below it' : `has ${children?.n} units below it` }] : []),
      ...((raised?.n ?? 0) + Number(history?.n ?? 0) > 0 ? [{ zh: '有办理记录', en: 'has history' }] : []),
    ];
    if (held.length > 0) {
      const zh = `该单位${held.map((h) => h.zh).join('、')}，不能删除：请改为撤销`;
      const en = `The unit ${held.map((h) => h.en).join(', ')}: retire it instead of deleting it`;
      throw new ApiError('payload_invalid', { reason: { zh, en }, fields: [{ field: 'id', message: { zh, en } }] });
    }
    await tx.delete(unitLeads).where(eq(unitLeads.unitId, id));
    await tx.delete(units).where(eq(units.id, id));
    await auditPeople(tx, change, { unit: id }, 'unit.delete', unitFacts(unit));
  });
}
