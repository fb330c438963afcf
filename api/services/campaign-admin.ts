import { and, asc, eq, isNull, max } from 'drizzle-orm';
import { readUnits } from './unit-list';
import type { Database, Db, Tx } from '../../db/client';
import { appendAudit } from '../../db/audit/append';
import { webhookStatus } from './webhook-status';
import { attachmentsHeld } from './attachment-quota';
import { auditLog, campaignMaps, campaigns, categories, units, webhookOutbox } from '../../db/schema';
import { refuse, type Actor, type CampaignConfig, type FieldIssue } from '../../engine';
import { settingsParts, type CampaignSettings, type SettingsChange, type SettingsPart } from '../contracts/campaign-admin';
import { ApiError, refusalError } from '../errors';
import { checkCampaignPlan, checkLeftPhaseTargets, type CampaignPlan } from './campaign-admin-rules';
import { checkCampaignMap, summariseMap } from './campaign-admin-map';
import { hasStoredMap, storedMap } from './campaign-map-store';
import { englishNameAfter } from './english-name';
import { undeliverableAddress } from './webhook-address';

/** Only the campaign office configures a campaign; everyone else, the administrator included, is refused with the reason. */
export function assertOffice(actor: Actor): void {
  if (actor.role !== 'office') {
    throw refusalError(
      refuse('role_forbidden', undefined, {
        zh: '只有专项办可以查看和修改专项行动的配置（系统管理员负责用户和单位）',
        en: "Only the campaign office may view and change a campaign's configuration (administrators manage users and units)",
      }),
    );
  }
}

/** A configuration that breaks a rule: 422, each broken rule named by its field. */
export function invalidSettings(fields: readonly FieldIssue[]): ApiError {
  return new ApiError('payload_invalid', { fields, reason: { zh: '配置有误，请按提示修改', en: 'The configuration has errors; see each field' } });
}

/** The sequence number of the campaign's last audit entry: what a change must be based on. */
export async function revisionOf(db: Db | Tx, campaignId: number): Promise<number> {
  const [row] = await db
    .select({ seq: max(auditLog.seq) })
    .from(auditLog)
    .where(and(eq(auditLog.subject, 'campaign'), eq(auditLog.subjectId, campaignId)));
  return row?.seq ?? 0;
}

async function campaignRow(db: Db | Tx, id: number) {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (row === undefined) throw new ApiError('not_found');
  return row;
}


/** Every unit's id: what targets may name. */
export async function unitIdsOf(db: Db | Tx): Promise<Set<string>> {
  return new Set((await db.select({ id: units.id }).from(units)).map((u) => u.id));
}

/** The campaign's whole configuration as the settings screens show it. */
export async function readSettings(db: Db | Tx, id: number): Promise<CampaignSettings> {
  const campaign = await campaignRow(db, id);
  const [categoryRows, unitRows, revision, stored] = await Promise.all([
    db.select().from(categories).where(eq(categories.campaignId, id)).orderBy(asc(categories.sortOrder), asc(categories.id)),
    readUnits(db),
    revisionOf(db, id),
    storedMap(db, id),
  ]);
  let map: CampaignSettings['map'] = null;
  if (stored !== null) {
    const checked = checkCampaignMap(JSON.parse(stored));
    map = summariseMap(checked.ok ? checked.features : [], unitRows);
  }
  return {
    id: campaign.id,
    code: campaign.code,
    nameZh: campaign.nameZh,
    nameEn: campaign.nameEn,
    state: campaign.state,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    revision,
    config: campaign.config,
    categories: categoryRows.map((c) => ({ id: c.id, code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, sortOrder: c.sortOrder, retired: c.retiredAt !== null })),
    map,
    units: unitRows,
    webhook: await webhookStatus(db, campaign),
    attachments: await attachmentsHeld(db, campaign.id),
  };
}

/**
 * The webhook a change leaves the campaign with: none without an address; else the address and the secret sent, or
 * the one it had. An address fetch never sends to (a blocked port, a user name in it) is refused as its format is,
 * 400 naming it: saved, every delivery to it would fail and be retried for ever.
 */
function webhookAfter(campaign: Pick<CampaignRow, 'webhookUrl' | 'webhookSecret'>, change: SettingsChange['webhook']): { url: string | null; secret: string | null } {
  if (change === undefined) return { url: campaign.webhookUrl, secret: campaign.webhookSecret };
  if (change.url === null) return { url: null, secret: null };
  const undeliverable = undeliverableAddress(change.url);
  if (undeliverable !== null) {
    const message = { zh: `无法向该地址推送：${undeliverable.zh}`, en: `No delivery can be sent to this address. ${undeliverable.en}` };
    throw new ApiError('bad_request', { reason: message, fields: [{ field: 'webhook.url', message }] });
  }
  const secret = change.secret ?? campaign.webhookSecret;
  if (secret === null) {
    throw invalidSettings([{ field: 'webhook.secret', message: { zh: '首次设置通知接口须填写签名密钥（至少 16 个字符）', en: 'A first webhook needs the secret its deliveries are signed with (16 characters or more)' } }]);
  }
  return { url: change.url, secret };
}

/**
 * Loads the campaign for a change by the office: it must exist, not be
 * concluded, and (when the request names one) still be at the revision the
 * office saw, else 409 with the settings as they are now.
 */
export async function campaignForChange(tx: Tx, id: number, actor: Actor, revision: number | undefined) {
  assertOffice(actor);
  const campaign = await campaignRow(tx, id);
  if (campaign.state === 'concluded') throw refusalError(refuse('campaign_concluded'));
  if (revision !== undefined && revision !== (await revisionOf(tx, id))) {
    throw new ApiError('version_conflict', {
      reason: { zh: '配置已被他人修改，请在最新配置上重新修改', en: 'Someone else changed this configuration first; here it is as it stands now' },
      extra: { current: await readSettings(tx, id) },
    });
  }
  return campaign;
}

type CampaignRow = Awaited<ReturnType<typeof campaignRow>>;

/** One entry of the campaign's audit trail for a configuration change; the campaign's phase and version stay as they are. */
export function configurationEntry(campaign: Pick<CampaignRow, 'id' | 'state' | 'version'>, actor: Actor, event: string, payload: unknown, now: Date) {
  return {
    at: now.toISOString(),
    actorId: actor.userId,
    campaignId: campaign.id,
    subject: 'campaign' as const,
    subjectId: campaign.id,
    event,
    fromState: campaign.state,
    toState: campaign.state,
    payload,
    version: campaign.version,
  };
}

function planOf(campaign: CampaignRow, change: SettingsChange): CampaignPlan & { nameZh: string; nameEn: string } {
  const config: CampaignConfig = {
    ...campaign.config,
    ...(change.timeZone !== undefined && { timeZone: change.timeZone }),
    ...(change.windows !== undefined && { windows: change.windows }),
    ...(change.exitCriteria !== undefined && { exitCriteria: change.exitCriteria }),
    ...(change.timeLimits !== undefined && { timeLimits: change.timeLimits }),
    ...(change.escalation !== undefined && { escalation: change.escalation }),
    ...(change.wipLimits !== undefined && { wipLimits: change.wipLimits }),
    ...(change.extensionsByLead !== undefined && { extensionsByLead: change.extensionsByLead }),
    ...(change.attachmentQuotaMb !== undefined && { attachmentQuotaMb: change.attachmentQuotaMb }),
    ...(change.targets !== undefined && { targets: change.targets }),
  };
  return {
    nameZh: change.nameZh ?? campaign.nameZh,
    nameEn: englishNameAfter(campaign, change),
    startsOn: change.startsOn ?? campaign.startsOn,
    endsOn: change.endsOn ?? campaign.endsOn,
    config,
  };
}

function partOf(plan: ReturnType<typeof planOf>, part: SettingsPart): unknown {
  switch (part) {
    case 'nameZh':
    case 'nameEn':
    case 'startsOn':
    case 'endsOn':
      return plan[part];
    // Absent in a configuration saved before the limit existed: no limit, as null says.
    case 'extensionsByLead':
      return plan.config.extensionsByLead ?? null;
    case 'attachmentQuotaMb':
      return plan.config.attachmentQuotaMb ?? null;
    default:
      return plan.config[part];
  }
}

/**
 * Changes a campaign's configuration: the parts sent replace the current
 * ones, the whole is checked, and the campaign row and one audit entry
 * (each changed part, before and after) are written in one transaction.
 * Items keep the due times they were given: a new time limit applies to
 * states entered from now on, because due times are set on entry.
 */
export async function changeSettings(database: Database, id: number, actor: Actor, change: SettingsChange, now: Date): Promise<CampaignSettings> {
  return database.write(async (tx) => {
    const campaign = await campaignForChange(tx, id, actor, change.revision);
    const before = planOf(campaign, { revision: change.revision });
    const after = planOf(campaign, change);
    const issues = [...checkCampaignPlan(after, await unitIdsOf(tx)), ...checkLeftPhaseTargets(before.config.targets, after.config.targets, campaign.state)];
    if (issues.length > 0) throw invalidSettings(issues);
    const changes: Partial<Record<SettingsPart | 'webhook', { from: unknown; to: unknown }>> = {};
    for (const part of settingsParts) {
      const [from, to] = [partOf(before, part), partOf(after, part)];
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[part] = { from, to };
    }
    // The audit trail says whether the secret changed, never what it is.
    const webhook = webhookAfter(campaign, change.webhook);
    const secretChanged = webhook.secret !== campaign.webhookSecret;
    if (webhook.url !== campaign.webhookUrl || secretChanged) {
      changes.webhook = { from: { url: campaign.webhookUrl, secretSet: campaign.webhookSecret !== null }, to: { url: webhook.url, secretSet: webhook.secret !== null, secretChanged } };
    }
    // Nothing changed: nothing to record.
    if (Object.keys(changes).length === 0) return readSettings(tx, id);
    await tx
      .update(campaigns)
      .set({ nameZh: after.nameZh, nameEn: after.nameEn, startsOn: after.startsOn, endsOn: after.endsOn, config: after.config, webhookUrl: webhook.url, webhookSecret: webhook.secret })
      .where(eq(campaigns.id, id));
    // The webhook removed, what waited to be sent goes with it, in the same commit: set again before the next delivery
    // run, the old waiting ones went to the new address.
    if (webhook.url === null && campaign.webhookUrl !== null) {
      await tx.delete(webhookOutbox).where(and(eq(webhookOutbox.campaignId, id), isNull(webhookOutbox.deliveredAt)));
    }
    await appendAudit(tx, configurationEntry(campaign, actor, 'campaign.configure', { changes }, now));
    return readSettings(tx, id);
  });
}

/**
 * Replaces the campaign's map for the battle map. The audit entry keeps the
 * map's size and feature ids, not the file (it is most of a megabyte).
 */
export async function replaceMap(database: Database, id: number, actor: Actor, body: unknown, now: Date): Promise<CampaignSettings> {
  assertOffice(actor);
  const checked = checkCampaignMap(body);
  if (!checked.ok) {
    throw new ApiError('payload_invalid', { fields: checked.fields, reason: { zh: '地图文件不符合要求', en: 'The map file is not a usable campaign map' } });
  }
  const text = JSON.stringify(body);
  return database.write(async (tx) => {
    const campaign = await campaignForChange(tx, id, actor, undefined);
    const replaced = await hasStoredMap(tx, id);
    await tx.insert(campaignMaps).values({ campaignId: id, geojson: text }).onConflictDoUpdate({ target: campaignMaps.campaignId, set: { geojson: text } });
    const payload = { bytes: Buffer.byteLength(text), features: checked.features.map((f) => f.id), replaced };
    await appendAudit(tx, configurationEntry(campaign, actor, 'campaign.map', payload, now));
    return readSettings(tx, id);
  });
}

/**
 * Removes the campaign's map: the battle map then shows its tiles and
 * tables without an outline. Units keep their feature ids, so uploading the
 * map again draws them as before.
 */
export async function removeMap(database: Database, id: number, actor: Actor, now: Date): Promise<CampaignSettings> {
  assertOffice(actor);
  return database.write(async (tx) => {
    const campaign = await campaignForChange(tx, id, actor, undefined);
    const stored = await storedMap(tx, id);
    if (stored === null) return readSettings(tx, id);
    await tx.delete(campaignMaps).where(eq(campaignMaps.campaignId, id));
    await appendAudit(tx, configurationEntry(campaign, actor, 'campaign.map_remove', { bytes: Buffer.byteLength(stored) }, now));
    return readSettings(tx, id);
  });
}
