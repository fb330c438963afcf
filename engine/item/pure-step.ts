import { createActor, type AnyActorScope, type AnyStateMachine, type EventFromLogic, type InputFrom, type SnapshotFrom } from 'xstate';
import { snapshotRestorer } from './snapshot';

const ignore = () => {};

/** A scope that runs nothing: the item machines only assign, so no action needs a live actor. */
function inertScope(machine: AnyStateMachine): AnyActorScope {
  const self = createActor(machine);
  return {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: ignore,
    defer: ignore,
    emit: ignore,
    stopChild: ignore,
    actionExecutor: ignore,
  };
}

/**
 * One pure transition of a machine from a persisted (state, context) pair:
 * the next state and context, or null when the machine takes no transition.
 *
 * XState's `transition()` builds a throwaway actor, with its own actor
 * system, on every call, only to hold the scope the machine transitions in;
 * that costs more than the transition itself, on every decision. The item
 * machines invoke and spawn nothing, schedule nothing and have no actions
 * but `assign`, so one inert scope per machine serves every call: the
 * machine's own `transition(snapshot, event, scope)` then gives the very
 * snapshot `transition()` gives, and the actions `transition()` would hand
 * back (none to run) are dropped, as they always were here. A machine that
 * invokes or delays would need a real scope: it is refused at start-up.
 */
export function pureStepper<M extends AnyStateMachine>(machine: M) {
  for (const node of [machine.root, ...Object.values(machine.root.states)]) {
    if (node.invoke.length > 0 || node.after.length > 0) {
      throw new Error(`${machine.id}.${node.key}: the pure stepper cannot run invoked actors or delayed transitions`);
    }
  }
  const restore = snapshotRestorer(machine);
  const scope = inertScope(machine);
  return (state: string, context: unknown, event: EventFromLogic<M>): SnapshotFrom<M> | null => {
    const snapshot = restore(state, context);
    const next = machine.transition(snapshot, event, scope) as SnapshotFrom<M>;
    return next === snapshot ? null : next;
  };
}

/**
 * A machine's initial snapshot for a new item's input, as XState's
 * `initialTransition()` gives it, without its throwaway actor per call (an
 * import creates tens of thousands of items in one go).
 */
export function pureInitial<M extends AnyStateMachine>(machine: M) {
  const scope = inertScope(machine);
  return (input: InputFrom<M>): SnapshotFrom<M> => machine.getInitialSnapshot(scope, input) as SnapshotFrom<M>;
}
