import { createSignal } from 'solid-js';
import type { Label } from '../../../engine/labels';
import type { CampaignDetail, ItemDetail } from '../api/client';
import { changedMeanwhile } from './changed-meanwhile';
import type { FieldsDraft } from './drafts';
import { editDraftOf, editMessages, rebased, restoredEdit, stillColliding, valuesOf, type Collisions } from './edit-rebase';
import type { ItemField, ItemValues } from './item-form';

/** What the open form's base needs of the drawer. */
export interface BaseWiring {
  readonly item: () => ItemDetail;
  readonly editing: () => boolean;
  readonly units: () => CampaignDetail['units'];
  readonly editDraft: () => FieldsDraft;
  readonly setProblem: (problem: Label | null) => void;
}

/**
 * The item as the open form was opened on, and what someone else's change
 * meanwhile does to the form: its version is the one sent, and the edit form
 * tells what the user changed from it. Sent on the item the live stream keeps
 * current, a transfer (or more time, a merge…) went through over someone
 * else's change made while it was typed, which it silently undid. Also the
 * edit form's values, which a change meanwhile rebases (see edit-rebase.ts).
 */
export function formBaseOf(wiring: BaseWiring) {
  const [base, setBase] = createSignal<ItemDetail>(wiring.item());
  // A form other than the edit refused as sent over someone else's change: it goes on from the item as it is now
  // once that is read (see rebaseRefused), saying what they did, so that sent again it is sent knowingly.
  const [refused, setRefused] = createSignal(false);
  const [values, setValues] = createSignal<ItemValues>(valuesOf(wiring.item()));
  // The fields someone else changed too while this user typed, with their value (see edit-rebase.ts).
  const [collisions, setCollisions] = createSignal<Collisions>({});
  const meanwhile = () => (Object.keys(collisions()).length > 0 ? editMessages.changedBothMeanwhile : editMessages.changedMeanwhile);
  const keepEdit = () => wiring.editDraft().keep(editDraftOf(base(), values()));

  // Someone else changed the item while this user typed an edit: their typing stays, the fields they left show the
  // item as it is now, and the form says so (see rebased).
  const rebaseEdit = (now: ItemDetail) => {
    const was = base();
    if (!wiring.editing() || now.id !== was.id || now.kind !== was.kind || now.version === was.version) return;
    const next = rebased(values(), was, now);
    setValues(next.values);
    // Those found before stay while the user's value still differs from theirs; a newer value of theirs replaces one.
    setCollisions(stillColliding({ ...collisions(), ...next.collisions }, next.values));
    setBase(now);
    keepEdit();
    wiring.setProblem(meanwhile());
  };
  const rebaseRefused = (now: ItemDetail) => {
    const was = base();
    if (!refused() || now.kind !== was.kind || now.id !== was.id || now.version === was.version) return;
    setRefused(false);
    setBase(now);
    wiring.setProblem(changedMeanwhile(was, now, wiring.units()));
  };

  return {
    base,
    values,
    collisions,
    /** A form opened (or the drawer on another card): it starts from the item as it is, its edit values too. */
    open() {
      setBase(wiring.item());
      setRefused(false);
      setValues(valuesOf(wiring.item()));
      setCollisions({});
    },
    /** Fills the edit form from its draft, if it has one, saying if the item changed since it was typed. */
    restoreEdit() {
      const kept = wiring.editDraft().read();
      if (kept === null) return;
      const { values: typed, overtaken, collisions: found } = restoredEdit(wiring.item(), kept);
      setValues(typed);
      setCollisions(found);
      if (overtaken) wiring.setProblem(meanwhile());
    },
    /** The user typed in the edit form. */
    type(name: ItemField, value: string) {
      setValues((v) => ({ ...v, [name]: value }));
      // Taking theirs (or typing it) leaves nothing to warn of in that field.
      setCollisions((c) => stillColliding(c, values()));
      keepEdit();
    },
    rebaseEdit,
    /** The item as the live stream has it now: an open edit, or a form refused as stale, goes on from it. */
    rebase(now: ItemDetail) {
      rebaseEdit(now);
      rebaseRefused(now);
    },
    /** The open form was refused over someone else's change: said as "changed" until the item as it is now is read. */
    refuse() {
      setRefused(true);
      rebaseRefused(wiring.item());
    },
  };
}
