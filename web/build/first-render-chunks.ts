import { resolve } from 'node:path';
import type { ChunkingContext, CodeSplittingGroup } from 'rolldown';

/** Every module `from` imports statically, directly or not, itself included. */
function staticGraph(from: string, context: ChunkingContext): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(context.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * Two chunks for what the first render runs: `boot`, everything the page's
 * small entry imports, and `app`, everything else the app imports
 * statically. Left to itself the bundler splits the modules the app shares
 * with the entry and with its lazily loaded pages into a dozen small
 * chunks, each a request of its own before the first render can start.
 */
export function firstRenderChunks(root: string, entry: string, app: string): CodeSplittingGroup[] {
  const entryId = resolve(root, entry);
  const appId = resolve(root, app);
  let graphs: { entry: Set<string>; app: Set<string> } | null = null;
  const graphsOf = (context: ChunkingContext) => (graphs ??= { entry: staticGraph(entryId, context), app: staticGraph(appId, context) });
  return [
    { debugName: 'boot', name: (id, context) => (graphsOf(context).entry.has(id) ? 'boot' : null), priority: 2 },
    { debugName: 'app', name: (id, context) => (graphsOf(context).app.has(id) ? 'app' : null), priority: 1 },
  ];
}
