import type { OutputBundle, OutputChunk } from 'rolldown';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The chunk holding the module `entry` (a path ending), which the page's own entry imports dynamically. */
function chunkOf(bundle: OutputBundle, entry: string): OutputChunk | undefined {
  return Object.values(bundle).find((file): file is OutputChunk => file.type === 'chunk' && file.moduleIds.some((id) => id.endsWith(entry)));
}

/**
 * The page's entry is kept small so it can start the first API reads at
 * once, and imports the app itself dynamically. This puts the app's chunk,
 * the chunks it imports and its styles into index.html, so they download
 * beside the entry instead of after it has run (Vite preloads a dynamic
 * import's files only when the import is made).
 */
export function preloadApp(entry: string): Plugin {
  return {
    name: 'battlemap:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (ctx.bundle === undefined || ctx.chunk === undefined) return;
        const app = chunkOf(ctx.bundle, entry);
        if (app === undefined) throw new Error(`preload-app: no dynamically imported chunk for ${entry}`);
        // The entry and what it imports statically are in the page already.
        const loaded = new Set([ctx.chunk.fileName, ...ctx.chunk.imports]);
        const scripts: string[] = [];
        const styles: string[] = [];
        const visit = (chunk: OutputChunk) => {
          if (loaded.has(chunk.fileName)) return;
          loaded.add(chunk.fileName);
          scripts.push(chunk.fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) if (!styles.includes(css)) styles.push(css);
          for (const name of chunk.imports) {
            const imported = ctx.bundle?.[name];
            if (imported?.type === 'chunk') visit(imported);
          }
        };
        visit(app);
        return [
          ...styles.map((href): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${href}` }, injectTo: 'head' })),
          ...scripts.map((href): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${href}` }, injectTo: 'head' })),
        ];
      },
    },
  };
}
