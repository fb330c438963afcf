import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
// With the extension Vite's native config loader (the coming default) asks for; TypeScript maps .js to .ts.
import { firstRenderChunks } from './web/build/first-render-chunks.js';
import { precompress } from './web/build/compress.js';
import { preloadApp } from './web/build/preload-app.js';

/**
 * One config for the web build (root web/, output dist/web), the dev server
 * (proxying /api to the API on 8787) and vitest (every *.test.ts of the repository).
 */
export default defineConfig(({ mode }) => ({
  root: 'web',
  // Under vitest the tests run in Node (API, engine, and Chromium driven from outside), so the
  // Solid plugin, which would resolve packages for the browser, stays out.
  plugins: mode === 'test' ? [] : [solid(), preloadApp('/web/src/mount.tsx'), precompress()],
  // The reports page carries ECharts (about 540 kB) in a chunk of its own, loaded only when opened.
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    // What the board's first render runs comes in two chunks, the small entry's and the app's.
    rolldownOptions: {
      output: { codeSplitting: { groups: firstRenderChunks('web', 'src/main.tsx', 'src/mount.tsx') } },
      // Rolldown warns when plugins take most of a build over 3 s. Here they do by design (Solid's JSX
      // transform, and brotli at its best quality once per build), and on a slow machine every
      // `npm start` printed that warning in yellow for nothing its user could act on.
      checks: { bundlerTimings: false },
    },
  },
  server: { host: '127.0.0.1', port: 5173, proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } } },
  test: {
    // The repository, wherever vitest is started: '..' was taken from the working directory, so
    // `npm test` in a clone scanned the folder holding it, and ran the tests of every project beside it.
    dir: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    // Machines here are shared and noisy, and logins do real scrypt work: generous limits, no timing assertions. 60 s:
    // on a VM of this kind running at about 60 % of another's speed, browser tests of 15–20 s there passed 30 s here.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two test files at a time on this two-core machine (vitest's default is one fewer than the cores): a
    // browser test spends most of its time waiting on Chromium and the server, and one file at a time
    // left half the CPU idle (CI 12.5 min; the main run 7.6 min alone, 5.8 with two).
    maxWorkers: 2,
    // A condition polled for waits up to 10 s, not 1: with two files running, a screen can take longer
    // to catch up. Only a failing test waits that long.
    expect: { poll: { timeout: 10_000 } },
    // The scripts the tests start as threads or processes (write workers, operator commands) bundled once a run.
    globalSetup: [fileURLToPath(new URL('test/support/script-bundles.ts', import.meta.url))],
    // Every *.test.ts of the repository, in four projects (which inherit what is above, arrays added to):
    projects: [
      // The engine's, the API's, the database's and the load's tests run one after another in a worker that keeps the
      // modules they import: loading them afresh for each of some 130 files took two of CI's worker-minutes.
      {
        extends: true,
        test: { name: 'server', include: ['**/*.test.ts', '**/*.test.tsx'], exclude: ['**/node_modules/**', '**/dist/**', '**/web/src/**', '**/*.e2e.test.ts'], isolate: false },
      },
      // Each file of the pages' tests in modules of its own: the UI's language and session are module state, and one
      // file's English was the next one's start. The browser tests too: run one after another in one worker, they
      // slowed by half.
      // (Each pattern is matched from wherever vitest is started, the repository or web/: hence no leading folder.)
      // A file's own modules come with a worker thread of its own rather than a child process: the 76 pages' files took
      // 28 CPU seconds so against 39, six browser files 85 and 95 against 94 and 103 (none needs a process of its own:
      // none changes folder, exits or handles signals). The server's files, sharing their modules, gained nothing.
      { extends: true, test: { name: 'web', include: ['**/web/src/**/*.test.ts', '**/web/src/**/*.test.tsx'], exclude: ['**/node_modules/**', '**/dist/**'], pool: 'threads' } },
      // The server's tests of what a libSQL server could change, a second time, each file's databases on a real sqld of its own
      // (see testDatabaseKind): two processes on one database, sessions and the login limits, retries and their kept answers,
      // the live stream, the deadline sweep with its escalations and deliveries, moves and changes of items one by one and
      // together, files and imports. In the same run as the rest rather than a run after it: its files fill the gaps the
      // others leave (a second run waited on its own start and on its last file alone, some 10 s of CI).
      {
        extends: true,
        test: {
          name: 'sqld',
          include: [
            '**/api/auth/*.test.ts',
            '**/api/routes/{attachments,escalations,events,health,import,intake,item-changes,items,retries,session}.test.ts',
            '**/api/services/{deadline-sweep,moves-together}.test.ts',
            '**/test/load/two-processes.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/dist/**'],
          isolate: false,
          provide: { testDatabaseKind: 'sqld' },
        },
      },
      // The browser tests, as the pages' tests, and with the run's Chromium, which their files connect to (started only
      // when a browser test runs: `npm run test:unit` and the pages' tests need no Chromium).
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          pool: 'threads',
          globalSetup: [fileURLToPath(new URL('test/support/shared-chromium.ts', import.meta.url))],
        },
      },
    ],
  },
}));
