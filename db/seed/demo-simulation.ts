import {
  clueSources,
  createClue,
  createProblem,
  decideAdvance,
  decideClue,
  decideProblem,
  evaluateExitCriteria,
  itemRulesOf,
  newCampaignContext,
  type Actor,
  type CampaignConfig,
  type CampaignRecord,
  type ClueRecord,
  type ClueSource,
  type ClueRequest,
  type ProblemRecord,
  type ProblemRequest,
} from '../../engine';
import type { AuditInput } from '../audit/append';
import { countFacts } from './demo-exit-facts';
import { attachRequest, demoFile } from './demo-files';
import { clueTitle, problemTitle } from './demo-titles';
import { noteTexts, randomOutcome, typicalSummary } from './demo-writing';
import { planExtension, type ExtensionPlanning } from './demo-extensions';
import { seededRandom, type Random } from './random';

export interface SimulationInput {
  readonly campaignId: number;
  readonly config: CampaignConfig;
  readonly now: Date;
  readonly random: Random;
  readonly clues: number;
  readonly problems: number;
  /** Units clues are spread over (counties weigh more), with their lead and officer actors. */
  readonly units: readonly { readonly id: string; readonly weight: number; readonly lead: Actor; readonly officer: Actor }[];
  readonly office: Actor;
  readonly categories: readonly { readonly id: number; readonly code: string }[];
  /**
   * A second stream, for the work notes (进展记录) written along the way;
   * none without it. The notes draw from it alone, so with or without them
   * every item takes the same path through the same states.
   */
  readonly notes?: Random;
  /** What each clue says (its description, with the numbers it names), from a stream of its own; empty without it. */
  readonly describe?: (title: string, source: ClueSource) => string;
  /** A stream of its own for the files attached along the way (附件); none without it, and every item's path the same either way. */
  readonly files?: Random;
  /** A stream of its own for the deadlines unit leads extend (延期); none without it, and every item's path the same either way. */
  readonly extensions?: Random;
}

/** A file the simulation attached, under the id its attach entry names (the demo's files are numbered from 1). */
export interface SimulatedFile {
  readonly id: number;
  readonly subject: 'clue' | 'problem';
  readonly subjectId: number;
  readonly name: string;
  readonly mediaType: string;
  readonly content: Uint8Array;
  readonly sha256: string;
  readonly attachedAt: string;
  readonly attachedBy: number;
}

export interface SimulationResult {
  readonly campaign: CampaignRecord;
  readonly clues: readonly ClueRecord[];
  readonly problems: readonly ProblemRecord[];
  /** Every accepted decision, in the order it happened. */
  readonly audit: readonly AuditInput[];
  /** The files attached, by id. */
  readonly files: readonly SimulatedFile[];
}

const day = 86_400_000;

type Step = { readonly at: number; readonly run: () => void };

/**
 * Plays a campaign from its first day until `now` through the engine itself,
 * so that every stored item is the replay of its audit entries: clues are
 * found, verified, filed, solved and prosecuted (or found unfounded, or
 * merged) on a plausible schedule, some late; problems are rectified and
 * checked; the office advances the phases as their windows open.
 */
export function simulateCampaign(input: SimulationInput): SimulationResult {
  const { random, config, now } = input;
  const nowMs = now.getTime();
  const rules = itemRulesOf({ state: 'planned', config });
  const local = (date: string, time: string) => new Date(`${date}T${time}+08:00`).getTime();
  const start = local(config.windows.survey.start, '08:00:00');

  const clues = new Map<number, ClueRecord>();
  const problems = new Map<number, ProblemRecord>();
  const audit: AuditInput[] = [];
  const files: SimulatedFile[] = [];
  const steps: Step[] = [];
  let campaign: CampaignRecord = { id: input.campaignId, state: 'planned', context: newCampaignContext, version: 1 };

  const record = (subject: 'clue' | 'problem' | 'campaign', subjectId: number, at: number, actor: Actor, event: { type: string }, from: string | null, to: string, version: number) =>
    audit.push({
      at: new Date(at).toISOString(),
      actorId: actor.userId,
      campaignId: input.campaignId,
      subject,
      subjectId,
      event: event.type,
      fromState: from,
      toState: to,
      payload: event,
      version,
      ...placementOf(subject, subjectId),
    });
  // The unit and category an item has after the entry being recorded (moves update the maps first).
  const placementOf = (subject: 'clue' | 'problem' | 'campaign', id: number) => {
    const item = subject === 'clue' ? clues.get(id) : subject === 'problem' ? problems.get(id) : undefined;
    return item === undefined ? {} : { unitId: item.context.unitId, categoryId: item.context.categoryId };
  };

  const moveClue = (id: number, at: number, actor: Actor, request: ClueRequest, facts?: Parameters<typeof decideClue>[5]) => {
    const clue = clues.get(id);
    if (clue === undefined) return false;
    const decision = decideClue(clue, actor, request, rules, new Date(at), facts);
    if (!decision.ok) return false;
    clues.set(id, { id, state: decision.state, context: decision.context, version: decision.version });
    record('clue', id, at, actor, decision.event, decision.from, decision.to, decision.version);
    return true;
  };

  const moveProblem = (id: number, at: number, actor: Actor, request: ProblemRequest) => {
    const problem = problems.get(id);
    if (problem === undefined) return false;
    const decision = decideProblem(problem, actor, request, rules, new Date(at));
    if (!decision.ok) return false;
    problems.set(id, { id, state: decision.state, context: decision.context, version: decision.version });
    record('problem', id, at, actor, decision.event, decision.from, decision.to, decision.version);
    return true;
  };

  type Unit = SimulationInput['units'][number];
  // Whoever works the item writes the note: its assignee (the unit's officer, in this simulation), else the unit's lead.
  const noteWriter = (unit: Pick<Unit, 'lead' | 'officer'>, assigneeId: number | null) => (assigneeId === unit.officer.userId ? unit.officer : unit.lead);
  // A few notes at random moments of each item's life so far; one that falls after it closed is refused and left out.
  const planNotes = (kind: 'clue' | 'problem', id: number, unit: Unit, from: number) => {
    const notes = input.notes;
    if (notes === undefined) return;
    for (let n = notes.int(0, 3); n > 0; n--) {
      const at = from + Math.floor(notes.next() * Math.max(0, nowMs - from));
      const pick = notes.next();
      steps.push({
        at,
        run: () => {
          const item = kind === 'clue' ? clues.get(id) : problems.get(id);
          if (item === undefined) return;
          const texts = noteTexts[item.state] ?? [];
          const text = texts[Math.floor(pick * texts.length)];
          if (text === undefined) return;
          const note = { event: `${kind}.note`, payload: { text } } as const;
          const writer = noteWriter(unit, item.context.assigneeId);
          void (kind === 'clue' ? moveClue(id, at, writer, note as ClueRequest) : moveProblem(id, at, writer, note as ProblemRequest));
        },
      });
    }
  };

  // About one item in three gets a file or two along the way (a transfer record while verified, a statement once filed, a
  // rectification report), attached by whoever works it; one that falls where no file is attached, or is refused, is left out.
  const planFiles = (kind: 'clue' | 'problem', id: number, unit: Unit, from: number) => {
    const stream = input.files;
    if (stream === undefined || !stream.chance(0.35)) return;
    for (let n = stream.int(1, 2); n > 0; n--) {
      const at = from + Math.floor(stream.next() * Math.max(0, nowMs - from));
      const seed = stream.int(0, 2 ** 31);
      steps.push({
        at,
        run: () => {
          const item = kind === 'clue' ? clues.get(id) : problems.get(id);
          if (item === undefined) return;
          // What the file says comes from a stream seeded at planning, so it does not depend on what was attached before.
          const file = demoFile(seededRandom(seed), kind, item.state, item.context.title, new Date(at));
          if (file === null) return;
          const { request, content, sha256 } = attachRequest(kind, files.length + 1, file);
          const by = noteWriter(unit, item.context.assigneeId);
          const attached = kind === 'clue' ? moveClue(id, at, by, request as ClueRequest) : moveProblem(id, at, by, request as ProblemRequest);
          if (attached) files.push({ id: request.payload.attachmentId, subject: kind, subjectId: id, name: file.name, mediaType: file.mediaType, content, sha256, attachedAt: new Date(at).toISOString(), attachedBy: by.userId });
        },
      });
    }
  };

  // The deadlines extended and asked for along the way (see demo-extensions.ts), from their own stream.
  const extensions: ExtensionPlanning | null =
    input.extensions === undefined
      ? null
      : {
          stream: input.extensions,
          nowMs,
          config,
          steps,
          itemOf: (kind, id) => (kind === 'clue' ? clues.get(id) : problems.get(id)),
          worker: noteWriter,
          change: (kind, id, at, actor, event, payload) =>
            kind === 'clue' ? moveClue(id, at, actor, { event, payload } as ClueRequest) : moveProblem(id, at, actor, { event, payload } as ProblemRequest),
        };
  const planExtensionOf = (kind: 'clue' | 'problem', id: number, unit: Unit, from: number) => {
    if (extensions !== null) planExtension(extensions, kind, id, unit, from);
  };

  // Now and then a unit lead chooses a solved case to publicise (典型案例); one not yet solved by then is left out.
  const planTypical = (id: number, unit: Unit, from: number) => {
    const notes = input.notes;
    if (notes === undefined || !notes.chance(0.15)) return;
    const at = from + Math.floor(notes.next() * Math.max(0, nowMs - from));
    steps.push({
      at,
      run: () => {
        const clue = clues.get(id);
        if (clue === undefined || (clue.state !== 'solved' && clue.state !== 'prosecuted')) return;
        void moveClue(id, at, unit.lead, { event: 'clue.markTypical', payload: { summary: typicalSummary(clue.context.title, clue.context.outcome) } });
      },
    });
  };

  // The title and source are drawn from the simulation's stream as before; the description from its own.
  const described = (title: string, source: ClueSource, categoryId: number) => ({ title, description: input.describe?.(title, source) ?? '', categoryId, source });

  const pickUnit = () => {
    const total = input.units.reduce((sum, u) => sum + u.weight, 0);
    let r = random.next() * total;
    for (const unit of input.units) {
      r -= unit.weight;
      if (r <= 0) return unit;
    }
    return input.units[0] ?? random.pick(input.units);
  };

  // Clues: found over the year so far (more in the survey), each with a path it follows while time allows.
  for (let i = 0; i < input.clues; i++) {
    const id = i + 1;
    const unit = pickUnit();
    const category = random.pick(input.categories);
    const foundAt = start + Math.floor(Math.pow(random.next(), 1.4) * Math.max(0, nowMs - start - 3_600_000));
    const selfAssigned = random.chance(0.6);
    const creator = selfAssigned ? unit.officer : unit.lead;
    // How far this clue gets, and how late each step is (in days).
    const fate = random.next();
    const stallAt = fate < 0.08 ? 'found' : fate < 0.2 ? 'verifying' : fate < 0.4 ? 'filed' : fate < 0.55 ? 'solved' : 'prosecuted';
    const unfounded = random.chance(0.15);
    const merge = !unfounded && random.chance(0.04);
    let t = foundAt;
    const later = (min: number, max: number) => (t += Math.floor((min + random.next() * (max - min)) * day));

    steps.push({
      at: foundAt,
      run: () => {
        const created = createClue(
          id,
          {
            campaignId: input.campaignId,
            unitId: unit.id,
            assigneeId: selfAssigned ? unit.officer.userId : null,
            fields: described(clueTitle(category.code, random, unit.id), random.pick(clueSources), category.id),
          },
          creator,
          rules,
          new Date(foundAt),
        );
        if (!created.ok) return;
        clues.set(id, created.record);
        record('clue', id, foundAt, creator, created.event, null, created.record.state, 1);
      },
    });
    planNotes('clue', id, unit, foundAt);
    planTypical(id, unit, foundAt);
    planFiles('clue', id, unit, foundAt);
    planExtensionOf('clue', id, unit, foundAt);
    if (stallAt === 'found') continue;
    const verifyAt = later(0.1, 4.5);
    steps.push({
      at: verifyAt,
      run: () =>
        void (selfAssigned
          ? moveClue(id, verifyAt, unit.officer, { to: 'verifying' })
          : moveClue(id, verifyAt, unit.lead, { to: 'verifying', payload: { assigneeId: unit.officer.userId } })),
    });
    if (stallAt === 'verifying') continue;
    if (merge && id > 1) {
      const mergeAt = later(1, 6);
      steps.push({
        at: mergeAt,
        run: () => {
          const target = [...clues.values()].reverse().find((c) => c.id !== id && c.context.unitId === unit.id && c.state !== 'merged');
          if (target === undefined) return;
          const facts = { mergeTarget: { id: target.id, campaignId: input.campaignId, unitId: target.context.unitId, state: target.state, chain: [] } };
          if (moveClue(id, mergeAt, unit.lead, { to: 'merged', payload: { targetId: target.id, reason: '同一涉案手机号' } }, facts)) {
            moveClue(target.id, mergeAt, unit.lead, { event: 'clue.absorb', payload: { sourceId: id } });
          }
        },
      });
      continue;
    }
    const concludeAt = later(2, 19);
    if (unfounded) {
      steps.push({ at: concludeAt, run: () => void moveClue(id, concludeAt, unit.lead, { to: 'unfounded', payload: { conclusion: '经核查，举报内容不属实' } }) });
      continue;
    }
    steps.push({
      at: concludeAt,
      run: () =>
        void moveClue(id, concludeAt, unit.officer, {
          to: 'filed',
          payload: { caseNumber: `A6107${String(id).padStart(6, '0')}`, conclusion: '经核查线索属实，符合立案条件' },
        }),
    });
    if (stallAt === 'filed') continue;
    const solveAt = later(8, 75);
    steps.push({ at: solveAt, run: () => void moveClue(id, solveAt, unit.officer, { to: 'solved', payload: { outcome: randomOutcome(random, category.code) } }) });
    if (stallAt === 'solved') continue;
    const prosecuteAt = later(3, 36);
    steps.push({
      at: prosecuteAt,
      run: () => {
        const caught = clues.get(id)?.context.outcome?.arrested ?? 0;
        moveClue(id, prosecuteAt, unit.lead, { to: 'prosecuted', payload: { sentForProsecution: Math.max(0, caught - random.int(0, 1)) } });
      },
    });
  }

  // Problems: rectification items found in the sweeps, rectified and checked by the office.
  for (let i = 0; i < input.problems; i++) {
    const id = i + 1;
    const unit = pickUnit();
    const category = random.pick(input.categories);
    const identifiedAt = start + Math.floor(random.next() * Math.max(0, nowMs - start - 3_600_000));
    let t = identifiedAt;
    const later = (min: number, max: number) => (t += Math.floor((min + random.next() * (max - min)) * day));
    steps.push({
      at: identifiedAt,
      run: () => {
        const created = createProblem(
          id,
          {
            campaignId: input.campaignId,
            unitId: unit.id,
            assigneeId: null,
            fields: { title: problemTitle(random, unit.id), description: '', categoryId: category.id, problemKind: random.pick(['website', 'platformSupervision', 'accountOrGroup', 'industryGap'] as const) },
          },
          unit.lead,
          rules,
          new Date(identifiedAt),
        );
        if (!created.ok) return;
        problems.set(id, created.record);
        record('problem', id, identifiedAt, unit.lead, created.event, null, created.record.state, 1);
      },
    });
    const fate = random.next();
    const stallAt = fate < 0.15 ? 'identified' : fate < 0.4 ? 'rectifying' : fate < 0.55 ? 'rectified' : 'verified';
    planNotes('problem', id, unit, identifiedAt);
    planFiles('problem', id, unit, identifiedAt);
    planExtensionOf('problem', id, unit, identifiedAt);
    if (stallAt === 'identified') continue;
    const rectifyAt = later(0.5, 9);
    steps.push({ at: rectifyAt, run: () => void moveProblem(id, rectifyAt, unit.lead, { to: 'rectifying', payload: { assigneeId: unit.officer.userId } }) });
    const rectification = () => ({ measures: '已约谈平台负责人并关停违规网站', websitesShutDown: random.int(0, 4), accountsClosed: random.int(0, 30) });
    if (stallAt === 'rectifying') continue;
    const doneAt = later(5, 40);
    steps.push({ at: doneAt, run: () => void moveProblem(id, doneAt, unit.officer, { to: 'rectified', payload: { rectification: rectification() } }) });
    if (stallAt === 'rectified') continue;
    if (random.chance(0.2)) {
      const rejectAt = later(1, 6);
      steps.push({ at: rejectAt, run: () => void moveProblem(id, rejectAt, input.office, { to: 'rectifying', payload: { reason: '复查发现网站仍可访问' } }) });
      const againAt = later(2, 12);
      steps.push({ at: againAt, run: () => void moveProblem(id, againAt, unit.officer, { to: 'rectified', payload: { rectification: rectification() } }) });
    }
    const checkAt = later(1, 10);
    steps.push({ at: checkAt, run: () => void moveProblem(id, checkAt, input.office, { to: 'verified', payload: {} }) });
  }

  // The office advances the phases as their windows open; where criteria are unmet it says why.
  const advanceAt = [
    start - 30 * 60_000,
    local(config.windows.survey.end, '17:00:00'),
    local(config.windows.consolidation.start, '08:30:00'),
  ];
  for (const at of advanceAt) {
    steps.push({
      at,
      run: () => {
        const phase = campaign.state;
        const criteria = phase === 'survey' || phase === 'crackdown' || phase === 'consolidation' ? config.exitCriteria[phase] : [];
        const unmet = evaluateExitCriteria(criteria, countFacts(clues, problems));
        const payload = unmet.length > 0 ? { reason: '按专项行动部署如期转段，遗留事项转入下一阶段继续办理' } : {};
        const decision = decideAdvance(campaign, input.office, payload, config, unmet, new Date(at));
        if (!decision.ok) return;
        campaign = { id: campaign.id, state: decision.state, context: decision.context, version: decision.version };
        record('campaign', campaign.id, at, input.office, decision.event, decision.from, decision.to, decision.version);
      },
    });
  }

  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) if (step.at <= nowMs) step.run();
  return { campaign, clues: [...clues.values()], problems: [...problems.values()], audit, files };
}
