import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const root = resolve(import.meta.dirname, '..');

function place(node: ProfileNode): string {
  const url = node.callFrame.url.replace(/^file:\/\//, '');
  const where = url === '' ? '' : ` ${url.startsWith(root) ? relative(root, url) : url}:${node.callFrame.lineNumber + 1}`;
  return `${node.callFrame.functionName || '(anonymous)'}${where}`;
}

/**
 * The functions of a .cpuprofile with the most self time, and the share of
 * total time spent under each of the given path fragments (inclusive).
 */
export function summarizeProfile(file: string, top = 15, groups: readonly string[] = []): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const perFunction = new Map<string, number>();
  const perGroup = new Map<string, number>(groups.map((g) => [g, 0]));
  // Time charged to the innermost frame of the project's own code (native SQLite time lands on the query's caller).
  const perOwnFrame = new Map<string, number>();
  let idle = 0;
  for (const [id, time] of self) {
    const node = byId.get(id);
    if (node === undefined) continue;
    if (node.callFrame.functionName === '(idle)') idle += time;
    const key = place(node);
    perFunction.set(key, (perFunction.get(key) ?? 0) + time);
    // Inclusive: a sample counts for a group when any frame on its stack is under that path.
    const hit = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      for (const g of groups) if (url.includes(g)) hit.add(g);
    }
    for (const g of hit) perGroup.set(g, (perGroup.get(g) ?? 0) + time);
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      const url = frame?.callFrame.url ?? '';
      if (frame !== undefined && url.startsWith(`file://${root}/`) && !url.includes('/node_modules/')) {
        const key = place(frame);
        perOwnFrame.set(key, (perOwnFrame.get(key) ?? 0) + time);
        break;
      }
    }
  }
  const busy = total - idle;
  const pct = (t: number) => `${((t / Math.max(busy, 1)) * 100).toFixed(1)}%`;
  const lines = [`${relative(root, file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (shares below are of busy time)`];
  for (const [g, t] of perGroup) lines.push(`  under ${g}: ${pct(t)}`);
  lines.push('  top self time:');
  for (const [key, t] of [...perFunction].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(t).padStart(6)}  ${key}`);
  lines.push("  innermost project frame (inclusive of the libraries and SQLite it calls):");
  for (const [key, t] of [...perOwnFrame].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${pct(t).padStart(6)}  ${key}`);
  return lines.join('\n');
}

/** Every .cpuprofile in a folder. */
export function profilesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(folder, f));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const file of process.argv.slice(2)) console.log(summarizeProfile(resolve(file), 25, ['node_modules/drizzle-orm', 'node_modules/@libsql', 'node_modules/hono', 'node_modules/@hono', 'node_modules/zod', 'node_modules/xstate', '/engine/', '/api/', '/db/']));
}
