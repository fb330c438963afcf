import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtServerArgs } from '../test/support/built-server';
import type { ImportBench, ReportBench } from './report-import';
import type { SweepBench } from './sweep';

const root = resolve(import.meta.dirname, '..');

export interface Child {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node [nodeArgs] --import tsx <script>` in the repository and
 * resolves with the URL once it prints `serving at http://…`.
 */
export function startNodeProcess(script: string, env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<Child> {
  return startServing([...nodeArgs, '--import', 'tsx', script], env, script);
}

/** What each part of bench/part-process.ts prints, by the part's name. */
export interface PartResults {
  readonly sweep: SweepBench;
  readonly report: ReportBench;
  readonly import: ImportBench;
}

/**
 * Runs one part of the bench in a process of its own (bench/part-process.ts)
 * on the database at `url`, and resolves with what it printed, parsed as
 * JSON; rejects with its stderr if it fails.
 */
export function runPartProcess<Part extends keyof PartResults>(part: Part, url: string, args: readonly string[] = []): Promise<PartResults[Part]> {
  const script = resolve(import.meta.dirname, 'part-process.ts');
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--expose-gc', '--import', 'tsx', script, part, url, ...args], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) fail(new Error(`the ${part} part's process failed: ${error.message}\n${stderr}`));
      // Printed by part-process.ts from the function this part names: the same type, across the process boundary.
      else done(JSON.parse(stdout) as PartResults[Part]);
    });
  });
}

/** Starts `node <args>` in the repository and resolves with the URL once it prints `serving at http://…`. */
function startServing(args: readonly string[], env: Record<string, string>, name: string): Promise<Child> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((ready, fail) => {
    const timer = setInterval(() => {
      const match = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] === undefined) return;
      clearInterval(timer);
      ready({
        url: match[1],
        child,
        output: () => output,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`${name} exited with ${code} before serving:\n${output}`));
    });
  });
}

/**
 * Battlemap's server as `npm run serve` runs it (the bundle `npm run build`
 * writes), on a free port, with the
 * clock frozen at the bench instant and the periodic sweep made rare so it
 * does not land inside a measurement (it still runs once at start).
 * `cpuProfileDir` adds `--cpu-prof` (written when the process exits).
 */
export function startBattlemap(databaseUrl: string, nowIso: string, cpuProfileDir?: string): Promise<Child> {
  return startServing(
    [...(cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`]), ...builtServerArgs()],
    { NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: databaseUrl, BATTLEMAP_NOW: nowIso, LOG_REQUESTS: 'false', SWEEP_INTERVAL_SECONDS: '3600', SEED_DEMO: 'false' },
    'the built server',
  );
}

/** Resident set size of a process in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (match?.[1] === undefined) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}

/** User and system CPU seconds from a /proc stat file, in clock ticks of 1/100 s. */
function statCpuSeconds(path: string): number {
  const stat = readFileSync(path, 'utf8');
  // The command name may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds a process has used (user and system, all its threads), from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

/** CPU seconds each live thread of a process has used, by thread id (the main thread's is the pid). */
export function threadCpuSeconds(pid: number): Map<number, number> {
  const threads = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      threads.set(Number(tid), statCpuSeconds(`/proc/${pid}/task/${tid}/stat`));
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return threads;
}
