import type { AnyStateMachine, SnapshotFrom } from 'xstate';

/**
 * Restores machine snapshots from persisted (state, context) pairs.
 *
 * `machine.resolveState` walks the state tree on every call, which costs a
 * third of a transition. The resolved part depends only on the state, so it
 * is resolved once per state and copied with the item's context — the same
 * shallow copy xstate's own `cloneMachineSnapshot` makes.
 */
export function snapshotRestorer<M extends AnyStateMachine>(machine: M) {
  const templates = new Map<string, SnapshotFrom<M>>();
  return (state: string, context: unknown): SnapshotFrom<M> => {
    const template = templates.get(state);
    if (template === undefined) {
      const resolved = machine.resolveState({ value: state, context }) as SnapshotFrom<M>;
      templates.set(state, resolved);
      return resolved;
    }
    return { ...(template as object), context } as SnapshotFrom<M>;
  };
}
