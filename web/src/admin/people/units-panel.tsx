import { For, Show, createMemo, createSignal } from 'solid-js';
import { subtreeOf, unitKindLabels, unitKinds, type UnitKind } from '../../../../engine/units';
import { named, series, tr, unitNamed } from '../../i18n/i18n';
import { toast } from '../../ui/toasts';
import { peopleApi, type NewUnit, type UnitNode, type UserAccount } from './api';
import { heldItemsOf } from './held-items';

/** What the unit form sends of a unit besides its code and parent. */
type UnitFields = Pick<NewUnit, 'nameZh' | 'nameEn' | 'kind' | 'mapFeatureId' | 'leadIds'>;
import { formProblem } from './form-problem';
import { leadsLostByMove, type LeadLost } from './leads-lost';
import { askConfirm, whenConfirmed } from '../../ui/confirm-dialog';
import { pt, ptFilled, ptOn } from './messages';
import { shownEnglishName } from '../english-name';
import { treeOrder } from '../../../../engine/unit-tree';
import { scrollCue } from '../../ui/scroll-cue';
import { showUnitEditor } from './unit-editor-view';

/** The unit tree: pick a unit to edit it (names, parent, map feature, leads), add one below it, retire or delete it. */
export function UnitsPanel(props: { units: readonly UnitNode[]; users: readonly UserAccount[]; onChange: () => Promise<unknown> }) {
  const [selected, setSelected] = createSignal<string | null>(null);
  const [adding, setAdding] = createSignal(false);
  const rows = createMemo(() => treeOrder(props.units));
  const current = () => props.units.find((u) => u.id === selected()) ?? null;
  const nameOf = (id: number) => props.users.find((u) => u.id === id)?.displayName ?? `#${id}`;
  let section: HTMLElement | undefined;
  let tree: HTMLTableElement | undefined;
  const choose = (unitId: string) => {
    setSelected(unitId);
    setAdding(false);
    showUnitEditor(tree, () => section?.querySelector<HTMLElement>('[data-testid=unit-form] h3'));
  };
  /**
   * A unit created is the one chosen once the units are read again, as if its row had been clicked: the panel had gone
   * back to the parent it was added under, and the new row, last of its parent's, could be out of view or under the
   * 已保存 toast. Its row is brought into view with the keyboard on it, before its editor is (on a phone, below the tree).
   */
  const created = async (unitId: string) => {
    await props.onChange();
    requestAnimationFrame(() => {
      const row = tree?.querySelector<HTMLElement>(`tr[data-unit="${CSS.escape(unitId)}"]`);
      row?.scrollIntoView({ block: 'nearest' });
      row?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
    });
    choose(unitId);
  };

  return (
    <section ref={section} class="people-section people-units" data-testid="units-panel">
      <p class="muted">{pt('routingNote')}</p>
      <div class="people-units-layout">
        <table
          class="people-table"
          ref={(table) => {
            tree = table;
            scrollCue(table);
          }}
        >
          <thead>
            <tr>
              <th>{pt('unit')}</th>
              <th>{pt('kind')}</th>
              <th>{pt('unitLeads')}</th>
              <th>{pt('holds')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr
                  classList={{ 'is-selected': selected() === row.unit.id, 'is-disabled': row.unit.retiredAt !== null }}
                  data-unit={row.unit.id}
                  onClick={() => choose(row.unit.id)}
                >
                  <td style={{ 'padding-left': `${8 + row.depth * 18}px` }}>
                    <button type="button" class="link-button">
                      {named(row.unit)}
                    </button>{' '}
                    <span class="muted mono">{row.unit.id}</span>
                    <Show when={row.unit.retiredAt !== null}>
                      <span class="chip">{pt('retired')}</span>
                    </Show>
                  </td>
                  <td>{tr(unitKindLabels[row.unit.kind])}</td>
                  <td>
                    <Show when={row.unit.leadIds.length > 0} fallback={<span class="muted">—</span>}>
                      {series(row.unit.leadIds.map(nameOf))}
                    </Show>
                  </td>
                  <td>
                    {row.unit.holds.users} / {row.unit.holds.items}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        {/* Keyed: another unit (or the same one reloaded after a save) gets a fresh form with its own values. */}
        <Show when={current()} keyed fallback={<p class="muted people-unit-editor" data-testid="unit-pick-hint">{pt('pickUnitHint')}</p>}>
          {(unit) => (
            <div class="people-unit-editor">
              <Show
                when={adding()}
                fallback={
                  <UnitForm
                    unit={unit}
                    units={props.units}
                    users={props.users}
                    onSaved={props.onChange}
                    onAdd={() => setAdding(true)}
                    onDeleted={() => (setSelected(null), props.onChange())}
                  />
                }
              >
                <UnitForm parentId={unit.id} units={props.units} users={props.users} onCreated={(made) => void created(made.id)} />
              </Show>
            </div>
          )}
        </Show>
      </div>
    </section>
  );
}

/** Edits a unit, or (with parentId) creates one below that unit. */
function UnitForm(props: {
  unit?: UnitNode;
  parentId?: string;
  units: readonly UnitNode[];
  users: readonly UserAccount[];
  /** A unit's change saved (edited, retired or restored). */
  onSaved?: () => void;
  /** With parentId: the unit the form created. */
  onCreated?: (unit: UnitNode) => void;
  onAdd?: () => void;
  onDeleted?: () => void;
}) {
  const [id, setId] = createSignal('');
  const [nameZh, setNameZh] = createSignal(props.unit?.nameZh ?? '');
  const [nameEn, setNameEn] = createSignal(props.unit === undefined ? '' : shownEnglishName(props.unit));
  // A new unit's likely kind from where it goes: below a county branch a police station, below the office a county branch.
  const parentKind = props.units.find((u) => u.id === props.parentId)?.kind;
  const [kind, setKind] = createSignal<UnitKind>(props.unit?.kind ?? (parentKind === 'county' || parentKind === 'station' ? 'station' : parentKind === 'detachment' ? 'other' : 'county'));
  const [parentId, setParentId] = createSignal(props.unit?.parentId ?? props.parentId ?? '');
  const [mapFeatureId, setMapFeatureId] = createSignal(props.unit?.mapFeatureId ?? '');
  const [leadIds, setLeadIds] = createSignal<number[]>([...(props.unit?.leadIds ?? [])]);
  const problem = formProblem();
  const nameOf = (userId: number) => props.users.find((u) => u.id === userId)?.displayName ?? `#${userId}`;
  /** The heading of a question asked before the form is sent: the unit it saves, by its name. */
  const savedUnitTitle = () => ptOn('edit', props.unit === undefined ? nameZh().trim() : named(props.unit));
  // Who may lead it: office staff, and leads of this unit or a unit above it (as the server checks).
  const above = () => {
    const chain: string[] = [];
    let at: string | null | undefined = props.unit?.id ?? props.parentId;
    while (at !== null && at !== undefined && !chain.includes(at)) {
      chain.push(at);
      const id: string = at;
      at = props.units.find((u) => u.id === id)?.parentId;
    }
    return chain;
  };
  const candidates = () => props.users.filter((u) => u.disabledAt === null && (u.role === 'office' || (u.role === 'lead' && above().includes(u.unitId))));
  const message = problem.message;
  const isRoot = () => props.unit !== undefined && props.unit.parentId === null;
  // A unit moved under another parent loses the leads whose own unit no longer covers it (nor those below it): the
  // server takes them off, and the form says whom before saving and after, where only the log said so.
  const leadsLost = createMemo(() =>
    props.unit === undefined || isRoot() || parentId() === props.unit.parentId ? [] : leadsLostByMove(props.unit.id, parentId(), leadIds(), props.units, props.users),
  );
  const lostList = (lost: readonly LeadLost[]) => series(lost.map((l) => ptFilled('leadOfUnit', { name: nameOf(l.userId), unit: unitNamed(props.units, l.unitId) })));

  async function save(event: SubmitEvent) {
    event.preventDefault();
    problem.clear();
    const fields = { nameZh: nameZh().trim(), nameEn: nameEn().trim(), kind: kind(), mapFeatureId: mapFeatureId().trim() === '' ? null : mapFeatureId().trim(), leadIds: leadIds() };
    const lost = leadsLost();
    if (lost.length > 0 && !(await askConfirm(ptFilled('confirmLeadsLost', { parent: unitNamed(props.units, parentId()), leads: lostList(lost) }), { title: savedUnitTitle(), confirm: pt('save') }))) return;
    await send(fields, lost, null);
  }
  /**
   * Sends the form. A move that takes open items out of reach of the people they are assigned to is refused by the
   * server with how many: the administrator is asked, saying what becomes of them, and only a yes moves the unit.
   */
  async function send(fields: UnitFields, lost: readonly LeadLost[], releasing: number | null): Promise<void> {
    try {
      let dropped: readonly LeadLost[] = [];
      let made: UnitNode | null = null;
      if (props.unit === undefined) made = await peopleApi.createUnit({ id: id().trim(), parentId: parentId(), ...fields });
      else {
        const saved = await peopleApi.editUnit(props.unit.id, { ...fields, ...(isRoot() ? {} : { parentId: parentId() }), ...(releasing !== null && { releaseHeldItems: true as const }) });
        // Said as the server left it: of the moved unit itself, only the leads its answer no longer has.
        dropped = lost.filter((l) => l.unitId !== saved.id || !saved.leadIds.includes(l.userId));
      }
      const said = dropped.length > 0 ? ptFilled('savedLeadsLost', { leads: lostList(dropped) }) : pt('saved');
      toast(() => (releasing === null ? said : `${said}${ptFilled(releasing === 1 ? 'movedReleasedOne' : 'movedReleased', { n: releasing })}`), 'info');
      if (made === null) props.onSaved?.();
      else props.onCreated?.(made);
    } catch (error) {
      const held = releasing === null ? heldItemsOf(error) : null;
      if (held !== null) {
        if (await askConfirm(ptFilled(held.count === 1 ? 'confirmMoveReleaseOne' : 'confirmMoveRelease', { parent: unitNamed(props.units, parentId()), n: held.count }), { title: savedUnitTitle(), confirm: pt('save') })) return send(fields, lost, held.count);
        // Said No to: nothing was saved, as asked; nothing in the form is wrong.
        return;
      }
      problem.take(error);
    }
  }
  async function run(work: () => Promise<unknown>, after: () => void) {
    problem.clear();
    try {
      await work();
      after();
    } catch (error) {
      problem.take(error);
    }
  }

  return (
    <form class="people-form" onSubmit={save} data-testid="unit-form" novalidate>
      {/* Focusable from a script: a unit chosen on a phone brings its editor into view by it (see showUnitEditor). */}
      <h3 tabIndex={-1}>{props.unit === undefined ? pt('newUnit') : named(props.unit)}</h3>
      <Show when={props.unit === undefined}>
        <label class="field">
          <span class="field-label">{pt('unitCode')}</span>
          <input required value={id()} onInput={(e) => setId(e.currentTarget.value)} />
          <span class="field-message">{message('id')}</span>
        </label>
      </Show>
      <label class="field">
        <span class="field-label">{pt('nameZh')}</span>
        <input required value={nameZh()} onInput={(e) => setNameZh(e.currentTarget.value)} />
        <span class="field-message">{message('nameZh')}</span>
      </label>
      <label class="field">
        <span class="field-label">{pt('nameEn')}</span>
        <input value={nameEn()} placeholder={pt('englishOptional')} onInput={(e) => setNameEn(e.currentTarget.value)} />
        <span class="field-message">{message('nameEn')}</span>
      </label>
      <Show when={!isRoot()}>
        <label class="field">
          <span class="field-label">{pt('kind')}</span>
          <select value={kind()} onChange={(e) => setKind(e.currentTarget.value as UnitKind)}>
            <For each={unitKinds.filter((k) => k !== 'office')}>{(k) => <option value={k}>{tr(unitKindLabels[k])}</option>}</For>
          </select>
          <span class="field-message">{message('kind')}</span>
        </label>
        <label class="field">
          <span class="field-label">{pt('parent')}</span>
          <select value={parentId()} onChange={(e) => setParentId(e.currentTarget.value)}>
            {/* Not itself nor a unit below it: the server refuses a unit moved below itself (the subtree cut off the office). */}
            <For each={props.units.filter((u) => u.retiredAt === null && !(props.unit !== undefined && subtreeOf(props.unit.id, props.units).includes(u.id)))}>
              {(u) => (
                <option value={u.id} selected={u.id === parentId()}>
                  {named(u)}
                </option>
              )}
            </For>
          </select>
          <span class="field-message">{message('parentId')}</span>
          <Show when={leadsLost().length > 0}>
            <span class="field-hint people-leads-lost" data-testid="leads-lost">
              {ptFilled('leadsLostNote', { leads: lostList(leadsLost()) })}
            </span>
          </Show>
          {/* A unit's target counts the units under it: moved, a unit's work counts toward its new parent's targets. */}
          <Show when={props.unit !== undefined && props.unit.parentId !== parentId()}>
            <span class="field-hint" data-testid="targets-follow">
              {ptFilled('targetsFollowMove', { parent: unitNamed(props.units, parentId()) })}
            </span>
          </Show>
        </label>
      </Show>
      <label class="field">
        <span class="field-label">{pt('mapFeature')}</span>
        <input value={mapFeatureId()} onInput={(e) => setMapFeatureId(e.currentTarget.value)} />
        <span class="field-message">{message('mapFeatureId')}</span>
      </label>
      <fieldset class="field people-leads">
        <legend class="field-label">{pt('unitLeads')}</legend>
        <Show when={leadIds().length === 0}>
          <span class="muted">{pt('leadsByRole')}</span>
        </Show>
        <For each={candidates()}>
          {(user) => (
            <label class="check">
              <input
                type="checkbox"
                checked={leadIds().includes(user.id)}
                onChange={(e) => setLeadIds(e.currentTarget.checked ? [...leadIds(), user.id] : leadIds().filter((l) => l !== user.id))}
              />
              {user.displayName} <span class="muted mono">{user.username}</span>
            </label>
          )}
        </For>
        <For each={leadIds().map((_, i) => message(`leadIds.${i}`)).filter((m) => m !== '')}>{(m) => <span class="field-message">{m}</span>}</For>
      </fieldset>
      <Show when={problem.banner(['id', 'nameZh', 'nameEn', 'kind', 'parentId', 'mapFeatureId', 'leadIds'])}>{(r) => <p class="form-error">{tr(r())}</p>}</Show>
      <div class="people-form-submit">
        <button type="submit" class="button primary">
          {props.unit === undefined ? pt('create') : pt('save')}
        </button>
        <Show when={props.unit}>
          {(unit) => (
            <>
              <button type="button" class="button" onClick={() => props.onAdd?.()} disabled={unit().retiredAt !== null}>
                {pt('newUnit')}
              </button>
              <Show when={!isRoot()}>
                <button
                  type="button"
                  class="button"
                  data-action="retire"
                  onClick={async () => {
                    // Retiring a unit that holds people or work is asked first, saying what it keeps (a restore undoes it).
                    const asked = unit().retiredAt === null && unit().holds.users + unit().holds.items > 0;
                    if (asked && !(await askConfirm(ptFilled('confirmRetire', { users: unit().holds.users, items: unit().holds.items }), { title: ptOn('retire', named(unit())), confirm: pt('retire') }))) return;
                    await run(() => peopleApi.editUnit(unit().id, { retired: unit().retiredAt === null }), () => props.onSaved?.());
                  }}
                >
                  {unit().retiredAt === null ? pt('retire') : pt('restore')}
                </button>
                <button
                  type="button"
                  class="button ghost"
                  title={pt('deleteHint')}
                  disabled={unit().holds.users + unit().holds.items > 0 || props.units.some((u) => u.parentId === unit().id)}
                  onClick={() => whenConfirmed(pt('confirmDelete'), { title: ptOn('delete', named(unit())), confirm: pt('delete') }, () => run(() => peopleApi.deleteUnit(unit().id), () => props.onDeleted?.()))}
                >
                  {pt('delete')}
                </button>
              </Show>
            </>
          )}
        </Show>
      </div>
    </form>
  );
}
