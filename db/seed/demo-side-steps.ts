import { attachRequest, demoFile } from './demo-files';
import { planExtension } from './demo-extensions';
import { noteTexts, typicalSummary } from './demo-writing';
import { seededRandom } from './random';
import { itemOf, sendEvent, workerOf, type DemoUnit, type DemoWorld } from './demo-world';

/**
 * What happens to an item besides its moves, each from a stream of its own
 * so that every item takes the same path with or without them: work notes,
 * a typical case chosen (clues), files attached and deadlines extended. The
 * order of the calls is the order the streams were drawn from before.
 */
export function planSideSteps(world: DemoWorld, kind: 'clue' | 'problem', id: number, unit: DemoUnit, from: number): void {
  planNotes(world, kind, id, unit, from);
  if (kind === 'clue') planTypical(world, id, unit, from);
  planFiles(world, kind, id, unit, from);
  if (world.input.extensions !== undefined) {
    planExtension(
      {
        stream: world.input.extensions,
        nowMs: world.nowMs,
        config: world.config,
        steps: world.steps,
        itemOf: (k, i) => itemOf(world, k, i),
        worker: workerOf,
        change: (k, i, at, actor, event, payload) => sendEvent(world, k, i, at, actor, { event, payload }),
      },
      kind,
      id,
      unit,
      from,
    );
  }
}

/** A moment between `from` and now, drawn from `stream`. */
const momentAfter = (world: DemoWorld, stream: { next(): number }, from: number) => from + Math.floor(stream.next() * Math.max(0, world.nowMs - from));

/** A few notes at random moments of each item's life so far; one that falls after it closed is refused and left out. */
function planNotes(world: DemoWorld, kind: 'clue' | 'problem', id: number, unit: DemoUnit, from: number): void {
  const notes = world.input.notes;
  if (notes === undefined) return;
  for (let n = notes.int(0, 3); n > 0; n--) {
    const at = momentAfter(world, notes, from);
    const pick = notes.next();
    world.steps.push({
      at,
      run: () => {
        const item = itemOf(world, kind, id);
        if (item === undefined) return;
        const texts = noteTexts[item.state] ?? [];
        const text = texts[Math.floor(pick * texts.length)];
        if (text === undefined) return;
        void sendEvent(world, kind, id, at, workerOf(unit, item.context.assigneeId), { event: `${kind}.note`, payload: { text } });
      },
    });
  }
}

/**
 * About one item in three gets a file or two along the way (a transfer record while verified, a statement once filed, a
 * rectification report), attached by whoever works it; one that falls where no file is attached, or is refused, is left out.
 */
function planFiles(world: DemoWorld, kind: 'clue' | 'problem', id: number, unit: DemoUnit, from: number): void {
  const stream = world.input.files;
  if (stream === undefined || !stream.chance(0.35)) return;
  for (let n = stream.int(1, 2); n > 0; n--) {
    const at = momentAfter(world, stream, from);
    const seed = stream.int(0, 2 ** 31);
    world.steps.push({
      at,
      run: () => {
        const item = itemOf(world, kind, id);
        if (item === undefined) return;
        // What the file says comes from a stream seeded at planning, so it does not depend on what was attached before.
        const file = demoFile(seededRandom(seed), kind, item.state, item.context.title, new Date(at));
        if (file === null) return;
        const { request, content, sha256 } = attachRequest(kind, world.files.length + 1, file);
        const by = workerOf(unit, item.context.assigneeId);
        if (sendEvent(world, kind, id, at, by, request)) {
          world.files.push({ id: request.payload.attachmentId, subject: kind, subjectId: id, name: file.name, mediaType: file.mediaType, content, sha256, attachedAt: new Date(at).toISOString(), attachedBy: by.userId });
        }
      },
    });
  }
}

/** Now and then a unit lead chooses a solved case to publicise (典型案例); one not yet solved by then is left out. */
function planTypical(world: DemoWorld, id: number, unit: DemoUnit, from: number): void {
  const notes = world.input.notes;
  if (notes === undefined || !notes.chance(0.15)) return;
  const at = momentAfter(world, notes, from);
  world.steps.push({
    at,
    run: () => {
      const clue = world.clues.get(id);
      if (clue === undefined || (clue.state !== 'solved' && clue.state !== 'prosecuted')) return;
      void world.moveClue(id, at, unit.lead, { event: 'clue.markTypical', payload: { summary: typicalSummary(clue.context.title, clue.context.outcome) } });
    },
  });
}
