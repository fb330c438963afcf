import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchNow, benchPassword, createBenchDatabase, simulatedBase } from './bench-data';
import { benchWritePath, type WritePathBench } from './write-path';
import { benchEngine } from './engine';
import { httpClient, runLoad, signIn } from './load';
import { profilesIn, summarizeProfile } from './profile-summary';
import { rssMb, runPartProcess, startBattlemap, startNodeProcess } from './processes';
import { benchRawTx } from './raw-tx';
import { benchBoard, benchMoves, movableClues } from './server-bench';
import { fillOpenItems } from './sweep';
import { benchWebFirstRender } from './web';
import { goals, printTable, type Figure } from './table';

/**
 * `npm run bench [-- --quick] [-- --profile] [-- --only engine,moves]`:
 * issue #9's figures on this machine, printed as a table against the goals
 * and written to bench/results.json. `--quick` runs every measurement
 * smaller (under two minutes); `--profile` runs the server under --cpu-prof
 * and summarises where its time went (profiles in bench/profiles/); `--only`
 * runs only the named parts (engine, moves, floor, board, web, sweep,
 * report, import), so one change can be measured several times over.
 */
const { values: flags } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, profile: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const quick = flags.quick;
const only = flags.only === undefined ? undefined : new Set(flags.only.split(',').map((name) => name.trim()));
/** True when the part is to run: every part, unless `--only` names some. */
const wanted = (...names: string[]) => only === undefined || names.some((name) => only.has(name));
const sizes = quick
  ? { report: 100_000, importRows: 10_000, boardSmall: 10_000, boardLarge: 20_000, web: 5_000, sweep: 100_000, movable: 1_000, rawMs: 2_000, loadMs: 3_000, warmupMs: 1_000, movesWarmupMs: 1_000, boardTimes: 50, webRuns: 3 }
  : { report: 1_000_000, importRows: 50_000, boardSmall: 10_000, boardLarge: 100_000, web: 5_000, sweep: 1_000_000, movable: 1_000, rawMs: 5_000, loadMs: 10_000, warmupMs: 2_000, movesWarmupMs: 6_000, boardTimes: 100, webRuns: 5 };
const connections = 10;
const nowIso = benchNow.toISOString();
const folder = mkdtempSync(join(tmpdir(), 'battlemap-bench-'));
const profileRoot = resolve(import.meta.dirname, 'profiles');
const profileDir = (phase: string) => {
  if (!flags.profile) return undefined;
  const dir = join(profileRoot, phase);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};
const profiled: string[] = [];

const figures: Record<string, Figure> = {};
const details: Record<string, unknown> = {};
const log = (line: string) => process.stderr.write(`${line}\n`);
const fmt = (n: number, digits = 1) => n.toLocaleString('en', { maximumFractionDigits: digits });

/** Runs one part; a failure records null with the reason instead of ending the run. */
async function part(keys: readonly string[], name: string, work: () => Promise<void>): Promise<void> {
  log(`\n== ${name}`);
  try {
    await work();
  } catch (error) {
    // Failed queries carry their whole SQL and parameters: keep the message short.
    const reason = (error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error)).slice(0, 160);
    const cause = error instanceof Error && error.cause instanceof Error ? ` (cause: ${error.cause.message.slice(0, 200)})` : '';
    log(`${name} failed: ${reason}${cause}\n${error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 6).join('\n') : ''}`);
    for (const key of keys) if (figures[key] === undefined) figures[key] = { value: null, note: `failed: ${reason}${cause}`.slice(0, 200) };
  }
}

async function stopProfiled(server: { stop(): Promise<void> }, dir: string | undefined): Promise<void> {
  await server.stop();
  // One profile per thread, named …<pid>.<thread>.<n>.cpuprofile: the main thread's (0), then the write worker's.
  if (dir !== undefined) profiled.push(...profilesIn(dir).sort());
}

const started = performance.now();
// The machine may be shared: the load before and after the run says how far to trust the figures.
const loadBefore = loadavg()[0] ?? 0;

if (wanted('engine')) await part(['xstateTransitionsPerSec', 'engineRatio', 'allowedMoves10kMs'], 'engine: transition() vs decideClue(), allowedClueMoves × 10,000', async () => {
  const e = benchEngine(quick);
  figures.xstateTransitionsPerSec = { value: e.xstateTransitionsPerSec, note: `decideClue ${fmt(e.decidePerSec, 0)}/s` };
  figures.engineRatio = { value: e.engineRatio, note: `decideClue ÷ bare transition(), verifying → filed, CPU time; ÷ the engine's own pure step ${fmt(e.overStepRatio, 2)}` };
  figures.allowedMoves10kMs = { value: e.allowedMoves10kMs, note: `worse of unit lead ${fmt(e.allowedMovesLeadMs, 2)} ms, officer ${fmt(e.allowedMovesOfficerMs, 2)} ms` };
});

// The 10,000-clue campaign: board, raw transactions on a copy of it, then moves.
const smallUrl = `file:${join(folder, 'board-small.db')}`;
const rawUrl = `file:${join(folder, 'raw-tx.db')}`;
const writePathUrl = `file:${join(folder, 'write-path.db')}`;
// The engine-simulated campaign every size starts from, simulated once.
let base: string | undefined;
let picked: Awaited<ReturnType<typeof movableClues>> = [];
if (wanted('moves', 'board')) await part(['rawTxPerSec', 'movesPerSec', 'moveP99Ms', 'moveRatio', 'boardP99Ms10k'], `data: ${fmt(sizes.boardSmall)} clues`, async () => {
  base = await simulatedBase(join(folder, 'base.db'));
  const data = await createBenchDatabase({ url: smallUrl, clues: sizes.boardSmall, base });
  picked = await movableClues(data.database, sizes.movable);
  await data.database.client.execute({ sql: 'vacuum into ?', args: [rawUrl.slice('file:'.length)] });
  await data.database.client.execute({ sql: 'vacuum into ?', args: [writePathUrl.slice('file:'.length)] });
  data.database.close();
});

/**
 * The raw baseline, measured before the moves and again after them on the
 * same file: its figure is the mean of the two, which brackets the moves in
 * time, so a VM that speeds up or slows down during the run skews the ratio
 * less than one measurement taken a minute before the moves would.
 */
const rawRuns: { perSec: number; p99Ms: number; cpuMsPerTx: number }[] = [];
/** The moves group in this process, no HTTP, five moves a transaction (about what ten clients give the write worker): see bench/write-path.ts. */
let writePath: WritePathBench | undefined;
async function measureRawTx(): Promise<void> {
  rawRuns.push(await benchRawTx(rawUrl, picked, { warmupMs: 1_000, durationMs: sizes.rawMs, nowIso }));
  const mean = rawRuns.reduce((sum, run) => sum + run.perSec, 0) / rawRuns.length;
  const [before, after] = rawRuns;
  figures.rawTxPerSec = {
    value: mean,
    note:
      before !== undefined && after !== undefined
        ? `mean of ${fmt(before.perSec, 0)}/s before the moves and ${fmt(after.perSec, 0)}/s after; p99 ${fmt(before.p99Ms, 2)} and ${fmt(after.p99Ms, 2)} ms; CPU a transaction ${fmt(before.cpuMsPerTx, 2)} and ${fmt(after.cpuMsPerTx, 2)} ms; one batch('write') at a time`
        : `p99 ${fmt(before?.p99Ms ?? Number.NaN, 2)} ms, one batch('write') at a time`,
  };
}

/** moveRatio from the figures so far: set after the moves, and again once the raw baseline is measured after them. */
function setMoveRatio(): void {
  const raw = figures.rawTxPerSec?.value;
  const moves = figures.movesPerSec?.value;
  if (moves === null || moves === undefined) return;
  const path = writePath === undefined || raw === null || raw === undefined ? '' : `; the write path alone, no HTTP: ${fmt(writePath.perSec, 0)}/s (${fmt(writePath.perSec / raw, 2)} × raw), CPU a move ${fmt(writePath.cpuMsPerMove, 2)} ms`;
  figures.moveRatio = raw === null || raw === undefined ? { value: null, note: 'no raw figure' } : { value: moves / raw, note: `movesPerSec ÷ rawTxPerSec${path}` };
}

if (wanted('moves')) await part(['rawTxPerSec'], 'raw libSQL transaction (UPDATE … version = version + 1 + audit INSERT)', measureRawTx);

if (wanted('moves')) await part([], 'the write path alone: the moves group in process, 5 moves a transaction, no HTTP', async () => {
  writePath = await benchWritePath(writePathUrl, picked, { warmupMs: sizes.movesWarmupMs, durationMs: sizes.rawMs, nowIso, perTransaction: 5 });
  details.writePath = writePath;
});

if (wanted('floor')) await part(['httpFloorReqPerSec'], 'HTTP floor: empty Hono JSON route', async () => {
  const floor = await startNodeProcess('bench/floor-server.ts', {});
  const client = httpClient(floor.url, connections);
  try {
    const r = await runLoad(client, Array.from({ length: connections }, () => () => ({ method: 'GET', path: '/api/floor' })), { warmupMs: sizes.warmupMs, durationMs: sizes.loadMs });
    figures.httpFloorReqPerSec = { value: r.perSec, note: `p99 ${fmt(r.p99Ms, 2)} ms, ${connections} connections` };
  } finally {
    await client.close();
    await floor.stop();
  }
});

if (wanted('moves', 'board')) await part(['boardP99Ms10k', 'movesPerSec', 'moveP99Ms', 'moveRatio'], `server on ${fmt(sizes.boardSmall)} clues: board, then moves`, async () => {
  const dir = profileDir('moves');
  const server = await startBattlemap(smallUrl, nowIso, dir);
  const client = httpClient(server.url, connections);
  try {
    const cookie = await signIn(client, 'office', benchPassword);
    const board = await benchBoard(client, cookie, sizes.boardTimes * 2);
    figures.boardP99Ms10k = { value: board.worstP99Ms, note: `${fmt(sizes.boardSmall)} clues; full ${fmt(board.p99Ms['/api/campaigns/1/board'], 1)} ms, hantai+lanes ${fmt(board.p99Ms['/api/campaigns/1/board?unit=hantai&swimlane=unit'], 1)} ms; ${fmt(board.bytes / 1024, 0)} KB` };
    const moves = await benchMoves(client, picked, connections, { warmupMs: sizes.movesWarmupMs, durationMs: sizes.loadMs, password: benchPassword, serverPid: server.child.pid ?? -1 });
    const cpuPerMoveMs = moves.cpuMsPerMove;
    const perSec = (moves.statuses[200] ?? 0) / (sizes.loadMs / 1000);
    details.moves = { statuses: moves.statuses, p50Ms: moves.p50Ms, other: moves.other, serverCpuMsPerMove: cpuPerMoveMs.server, serverThreadsCpuMsPerMove: { main: cpuPerMoveMs.main, writeWorker: cpuPerMoveMs.busiestOther, other: cpuPerMoveMs.rest }, loadClientCpuMsPerMove: cpuPerMoveMs.load };
    if (moves.other.length > 0) log(`unexpected answers: ${moves.other.join(' | ')}`);
    figures.movesPerSec = { value: perSec, note: `${fmt(moves.ok)} moves (${fmt(moves.forward)} forward), ${moves.conflicts} conflicts, p50 ${fmt(moves.p50Ms, 2)} ms; CPU a move: server ${fmt(cpuPerMoveMs.server, 2)} ms (main thread ${fmt(cpuPerMoveMs.main, 2)}, write worker ${fmt(cpuPerMoveMs.busiestOther, 2)}, other threads ${fmt(cpuPerMoveMs.rest, 2)}), load client ${fmt(cpuPerMoveMs.load, 2)} ms; ${fmt(moves.movesPerTransaction, 1)} moves a transaction` };
    figures.moveP99Ms = { value: moves.p99Ms, note: `${connections} connections, ${fmt(picked.length)} clues` };
    setMoveRatio();
  } finally {
    await client.close();
    await stopProfiled(server, dir);
  }
});

if (wanted('moves') && rawRuns.length > 0) {
  await part(['rawTxPerSec'], 'raw libSQL transaction again, after the moves', measureRawTx);
  setMoveRatio();
}

if (wanted('board')) await part(['boardP99Ms100k', 'rssMb100k'], `server on ${fmt(sizes.boardLarge)} clues: board, RSS`, async () => {
  const url = `file:${join(folder, 'board-large.db')}`;
  const data = await createBenchDatabase({ url, clues: sizes.boardLarge, ...(base !== undefined && { base }) });
  data.database.close();
  const dir = profileDir('board-large');
  const server = await startBattlemap(url, nowIso, dir);
  const client = httpClient(server.url, 1);
  try {
    const cookie = await signIn(client, 'office', benchPassword);
    const board = await benchBoard(client, cookie, sizes.boardTimes);
    figures.boardP99Ms100k = { value: board.worstP99Ms, note: `${fmt(sizes.boardLarge)} clues; full ${fmt(board.p99Ms['/api/campaigns/1/board'], 1)} ms, hantai+lanes ${fmt(board.p99Ms['/api/campaigns/1/board?unit=hantai&swimlane=unit'], 1)} ms` };
    const pid = server.child.pid;
    if (pid === undefined) throw new Error('server has no pid');
    figures.rssMb100k = { value: rssMb(pid), note: `after ${sizes.boardTimes + 5} full boards and as many hantai boards` };
  } finally {
    await client.close();
    await stopProfiled(server, dir);
  }
});

if (wanted('web')) await part(['webFirstRenderMs5k'], `web: first render of a ${fmt(sizes.web)}-clue board in Chromium`, async () => {
  const url = `file:${join(folder, 'web.db')}`;
  const data = await createBenchDatabase({ url, clues: sizes.web, ...(base !== undefined && { base }) });
  data.database.close();
  const server = await startBattlemap(url, nowIso);
  const client = httpClient(server.url, 1);
  try {
    const cookie = await signIn(client, 'office', benchPassword);
    const web = await benchWebFirstRender(server.url, cookie, sizes.webRuns);
    figures.webFirstRenderMs5k =
      web.ms === null ? { value: null, note: web.reason } : { value: web.ms, note: `median of ${web.runs.length} (${web.runs.map((t) => fmt(t, 0)).join(', ')}), ${web.cards} cards in the DOM` };
  } finally {
    await client.close();
    await server.stop();
  }
});

if (wanted('sweep')) await part(['sweepMs1M'], `escalation sweep over ${fmt(sizes.sweep)} open items, 1% due`, async () => {
  const url = `file:${join(folder, 'sweep.db')}`;
  const data = await createBenchDatabase({ url, clues: 300, problems: 30 });
  await fillOpenItems(data.database, sizes.sweep, benchNow, false);
  await data.database.close();
  // In a process of its own, as a server sweeps: see bench/part-process.ts.
  const sweep = await runPartProcess('sweep', url);
  details.sweep = sweep;
  figures.sweepMs1M = {
    value: sweep.firstMs,
    note: `${fmt(sweep.openItems)} open, ${fmt(sweep.dueItems)} due within 24 h: first ${fmt(sweep.firstMs, 0)} ms (CPU ${fmt(sweep.firstCpuMs, 0)} ms) raised ${fmt(sweep.firstRaised)}, a write waited ≤ ${fmt(sweep.longestWriteWaitMs, 0)} ms behind it; second ${fmt(sweep.secondMs, 0)} ms raised ${sweep.secondRaised}; before them, untimed, one that found nothing due (${fmt(sweep.warmUpMs, 0)} ms)`,
  };
});

if (wanted('report')) await part(['reportMs1M'], `completion report over ${fmt(sizes.report)} clues`, async () => {
  const url = `file:${join(folder, 'report.db')}`;
  const data = await createBenchDatabase({ url, clues: sizes.report, ...(base !== undefined && { base }) });
  await data.database.close();
  // In a process of its own, as a server reports: see bench/part-process.ts.
  const report = await runPartProcess('report', url, ['3']);
  figures.reportMs1M = { value: report.medianMs, note: `${fmt(sizes.report)} clues (${fmt(report.cluesFound)} found in the report), median of ${report.runs.map((t) => fmt(t, 0)).join(', ')} ms` };
});

if (wanted('import')) await part(['import50kMs'], `import of a ${fmt(sizes.importRows)}-row CSV`, async () => {
  const url = `file:${join(folder, 'import.db')}`;
  const data = await createBenchDatabase({ url, clues: 300, problems: 30 });
  await data.database.close();
  // In a process of its own, as a server imports: see bench/part-process.ts.
  const result = await runPartProcess('import', url, [String(sizes.importRows)]);
  figures.import50kMs = { value: result.ms, note: `${fmt(result.created)} clues created in one transaction, with identifiers and audit entries` };
});

rmSync(folder, { recursive: true, force: true });
const keys = Object.keys(goals);
const results: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, figures[k]?.value ?? null]));
Object.assign(results, {
  quick,
  sizes: { report: sizes.report, importRows: sizes.importRows, boardSmall: sizes.boardSmall, boardLarge: sizes.boardLarge, web: sizes.web, sweep: sizes.sweep, movableClues: sizes.movable, connections, loadSeconds: sizes.loadMs / 1000 },
  notes: Object.fromEntries(keys.map((k) => [k, figures[k]?.note ?? null])),
  details,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: loadavg()[0] ?? 0 },
  at: new Date().toISOString(),
  tookSeconds: Math.round((performance.now() - started) / 1000),
});
// A partial run leaves the last full results in place and prints its own figures instead.
if (only === undefined) writeFileSync(resolve(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(printTable(figures, quick));
if (only !== undefined) console.log(`\nOnly ${[...only].join(', ')}; bench/results.json left as it was:\n${JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.value])))}`);
const loadAfter = loadavg()[0] ?? 0;
const loaded = Math.max(loadBefore, loadAfter) > cpus().length;
console.log(
  `\nLoad average (1 min) ${fmt(loadBefore, 2)} before, ${fmt(loadAfter, 2)} after, on ${cpus().length} cores: ${loaded ? 'above the core count, so other work skewed these figures' : 'within the core count (above it, other work would skew every figure)'}.`,
);
console.log(`${only === undefined ? 'Written to bench/results.json' : 'Done'} in ${Math.round((performance.now() - started) / 1000)} s${quick ? ' (quick: smaller sizes, see "sizes")' : ''}.`);
for (const file of profiled) console.log(`\n${summarizeProfile(file, 15, ['node_modules/drizzle-orm', 'node_modules/@libsql', 'node_modules/hono', 'node_modules/@hono', 'node_modules/zod', '/engine/', '/api/', '/db/'])}`);
