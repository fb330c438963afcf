import { For, Show, createEffect, createSignal, on } from 'solid-js';
import { roleLabels } from '../../../../api/contracts/users';
import { roles, type Role } from '../../../../engine/actor';
import type { Label } from '../../../../engine/labels';
import { unitKindLabels, unitKinds, type UnitKind } from '../../../../engine/units';
import { dateTime } from '../../ui/dates';
import { aside, colon, named, series, tr } from '../../i18n/i18n';
import { peopleApi, type PeopleLogEntry, type UnitNode, type UserAccount } from './api';
import { formProblem } from './form-problem';
import { pt, type PeopleMessageKey } from './messages';
import { scrollCue } from '../../ui/scroll-cue';
import { adminZone } from './admin-zone';

const eventLabels: Record<string, Label> = {
  'user.create': { zh: '创建用户', en: 'Created user' },
  'user.edit': { zh: '修改用户', en: 'Edited user' },
  'user.disable': { zh: '停用用户', en: 'Disabled user' },
  'user.enable': { zh: '启用用户', en: 'Enabled user' },
  'user.reset_password': { zh: '重置密码', en: 'Reset password' },
  'user.change_password': { zh: '本人修改密码', en: 'Changed own password' },
  'user.sessions_end': { zh: '结束登录会话', en: 'Ended sessions' },
  'unit.create': { zh: '新建单位', en: 'Created unit' },
  'unit.edit': { zh: '修改单位', en: 'Edited unit' },
  'unit.delete': { zh: '删除单位', en: 'Deleted unit' },
  'password_policy.change': { zh: '修改密码策略', en: 'Changed password policy' },
};

/** The label of each field an entry may record, from the panels' own texts. */
const fieldKeys: Record<string, PeopleMessageKey> = {
  username: 'username',
  displayName: 'displayName',
  role: 'role',
  unitId: 'unit',
  leads: 'leads',
  parentId: 'parent',
  kind: 'kind',
  nameZh: 'nameZh',
  nameEn: 'nameEn',
  mapFeatureId: 'mapFeature',
  sortOrder: 'sortOrder',
  retiredAt: 'retired',
  leadIds: 'unitLeads',
  minLength: 'minLength',
  reuseHistory: 'reuseHistory',
};

const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);
const isUnitKind = (value: unknown): value is UnitKind => typeof value === 'string' && (unitKinds as readonly string[]).includes(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `Activity log`: who created, changed, disabled or reset whom, and changes
 * to units and the password policy, newest first, filtered by user or unit.
 */
export function LogPanel(props: { users: readonly UserAccount[]; units: readonly UnitNode[] }) {
  const [user, setUser] = createSignal<number | undefined>();
  const [unit, setUnit] = createSignal<string | undefined>();
  const [entries, setEntries] = createSignal<readonly PeopleLogEntry[]>([]);
  const [next, setNext] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal(false);
  const problem = formProblem();

  async function load(before?: number) {
    setLoading(true);
    problem.clear();
    try {
      const page = await peopleApi.log({ user: user(), unit: unit(), before });
      setEntries((shown) => (before === undefined ? page.entries : [...shown, ...page.entries]));
      setNext(page.nextBefore);
    } catch (error) {
      problem.take(error);
    } finally {
      setLoading(false);
    }
  }
  createEffect(on([user, unit], () => void load()));

  const userName = (id: number) => {
    const account = props.users.find((u) => u.id === id);
    return account === undefined ? `#${id}` : `${account.displayName}${aside(account.username)}`;
  };
  const unitName = (id: string) => {
    const found = props.units.find((u) => u.id === id);
    return found === undefined ? id : named(found);
  };
  const subjectOf = (entry: PeopleLogEntry) => {
    if (entry.userId !== null) return userName(entry.userId);
    if (entry.unitId !== null) return unitName(entry.unitId);
    return pt('passwordPolicy');
  };

  /** A recorded value as a person reads it: names for ids and codes, labels for roles and kinds. */
  function valueText(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'role' && isRole(value)) return tr(roleLabels[value]);
    if ((field === 'unitId' || field === 'parentId') && typeof value === 'string') return unitName(value);
    if (field === 'kind' && isUnitKind(value)) return tr(unitKindLabels[value]);
    if (field === 'retiredAt' && typeof value === 'string') return dateTime(value, adminZone);
    if (field === 'leadIds' && Array.isArray(value)) return series(value.map((id) => (typeof id === 'number' ? userName(id) : String(id)))) || '—';
    if (field === 'leads' && Array.isArray(value)) return series(value.map((id) => (typeof id === 'string' ? unitName(id) : String(id)))) || '—';
    return String(value);
  }
  const fieldName = (field: string) => {
    const key = fieldKeys[field];
    return key === undefined ? field : pt(key);
  };

  function details(entry: PeopleLogEntry): string[] {
    const { payload } = entry;
    const lines: string[] = [];
    const changes = payload['changes'];
    if (isRecord(changes)) {
      for (const [field, change] of Object.entries(changes)) {
        if (isRecord(change)) lines.push(`${fieldName(field)}${colon()}${valueText(field, change['from'])} → ${valueText(field, change['to'])}`);
      }
    }
    if (entry.event === 'user.create' || entry.event === 'unit.create' || entry.event === 'unit.delete') {
      for (const field of ['username', 'role', 'unitId', 'parentId', 'kind', 'nameZh', 'nameEn'] as const) {
        if (field in payload) lines.push(`${fieldName(field)}${colon()}${valueText(field, payload[field])}`);
      }
    }
    if (payload['bulk'] === true) lines.push(pt('logBulk'));
    if (typeof payload['sessionsEnded'] === 'number') lines.push(`${pt('logSessionsEnded')}${colon()}${payload['sessionsEnded']}`);
    if (typeof payload['generated'] === 'boolean') lines.push(pt(payload['generated'] ? 'logGenerated' : 'logChosen'));
    // Only a reset that found the user locked out says it let them in; none forgotten is nothing to tell.
    if (typeof payload['guessesForgotten'] === 'number' && payload['guessesForgotten'] > 0) lines.push(`${pt('logGuessesForgotten')}${colon()}${payload['guessesForgotten']}`);
    return lines;
  }

  return (
    <section class="people-section" data-testid="log-panel">
      <p class="muted">{pt('logLead')}</p>
      <div class="people-log-filters">
        <select aria-label={pt('logAllUsers')} onChange={(e) => setUser(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}>
          <option value="">{pt('logAllUsers')}</option>
          <For each={props.users}>
            {(u) => (
              <option value={u.id} selected={u.id === user()}>
                {`${u.displayName}${aside(u.username)}`}
              </option>
            )}
          </For>
        </select>
        <select aria-label={pt('logAllUnits')} onChange={(e) => setUnit(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}>
          <option value="">{pt('logAllUnits')}</option>
          <For each={props.units}>
            {(u) => (
              <option value={u.id} selected={u.id === unit()}>
                {named(u)}
              </option>
            )}
          </For>
        </select>
      </div>
      <Show when={problem.reason()}>{(r) => <p class="form-error">{tr(r())}</p>}</Show>
      <table class="people-table" ref={scrollCue} data-testid="log-table">
        <thead>
          <tr>
            <th>{pt('logWhen')}</th>
            <th>{pt('logWho')}</th>
            <th>{pt('logEvent')}</th>
            <th>{pt('logWhat')}</th>
            <th>{pt('logDetail')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={entries()} fallback={<tr><td colSpan={5} class="muted">{loading() ? '…' : pt('logEmpty')}</td></tr>}>
            {(entry) => (
              <tr data-event={entry.event}>
                <td>{dateTime(entry.at, adminZone)}</td>
                <td>{entry.actor === null ? pt('logFirstStart') : entry.actor.displayName}</td>
                <td>{tr(eventLabels[entry.event] ?? { zh: entry.event, en: entry.event })}</td>
                <td>{subjectOf(entry)}</td>
                <td>
                  <For each={details(entry)}>{(line) => <div>{line}</div>}</For>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={next()}>
        {(before) => (
          <button type="button" class="button ghost" disabled={loading()} onClick={() => void load(before())}>
            {pt('logMore')}
          </button>
        )}
      </Show>
    </section>
  );
}
