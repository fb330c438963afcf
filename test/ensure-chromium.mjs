// Browser tests drive Debian's Chromium through playwright-core; no tool downloads a browser of its own. They also
// measure pages in Chinese (a toolbar on one line, a name not cut), so the machine needs a Chinese font: without one
// every Chinese character is drawn as an empty box of another width, and those checks fail on a fresh machine that
// has Chromium but no such font. Where either is missing, install it with apt-get when running as root, otherwise
// say exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether fontconfig knows a font that covers Chinese (false where fontconfig itself is missing). */
function chineseFont() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

if (process.env.CHROMIUM_PATH !== undefined && !existsSync(path)) {
  console.error(`CHROMIUM_PATH=${path} does not exist.`);
  process.exit(1);
}
const packages = [...(existsSync(path) ? [] : ['chromium']), ...(chineseFont() ? [] : ['fonts-noto-cjk'])];
if (packages.length === 0) process.exit(0);
if (root) {
  console.log(`Installing what the browser tests need with apt-get (once): ${packages.join(', ')}.`);
  const run = (args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['update']);
  run(['install', '-y', '--no-install-recommends', ...packages]);
  if (existsSync(path) && chineseFont()) process.exit(0);
}
console.error(
  `The browser tests need Chromium at /usr/bin/chromium and a Chinese font. Install them with:\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\n` +
    'or point CHROMIUM_PATH at a Chromium binary (a Chinese font is still needed).',
);
process.exit(1);
