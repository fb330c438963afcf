import { spawn } from 'node:child_process';
import { createServer } from 'vite';

/**
 * `npm run dev`: the API on 8787, restarted when its code changes, and the
 * Vite dev server with hot reload on 5173, proxying /api to it.
 */
const api = spawn(process.execPath, ['--import', 'tsx', '--watch', 'api/server.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: '8787', HOST: '127.0.0.1' },
});

const web = await createServer({ configFile: 'vite.config.ts' });
await web.listen();
web.printUrls();
console.log('Open the web address above; the API answers on http://127.0.0.1:8787.');

const stop = async () => {
  api.kill('SIGTERM');
  await web.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
api.on('exit', (code) => {
  if (code !== null && code !== 0) console.error(`The API stopped with exit code ${code}.`);
});
