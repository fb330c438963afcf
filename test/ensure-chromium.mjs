// Browser tests drive Debian's Chromium through playwright-core; no tool downloads a browser of its own.
// Where it is missing, install it with apt-get when running as root, otherwise say exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
if (process.env.CHROMIUM_PATH !== undefined) {
  console.error(`CHROMIUM_PATH=${path} does not exist.`);
  process.exit(1);
}
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log('Chromium is missing; installing Debian\'s "chromium" package with apt-get (once).');
  const run = (args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['update']);
  run(['install', '-y', '--no-install-recommends', 'chromium']);
  if (existsSync(path)) process.exit(0);
}
console.error('The browser tests need Chromium at /usr/bin/chromium. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\nor point CHROMIUM_PATH at a Chromium binary.');
process.exit(1);
