#!/usr/bin/env node
// `npm run e2e`: runs every e2e/*.spec.mjs with node's test runner, one file
// at a time, against KEHU_BASE_URL. Screenshots go to test-results/screenshots/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, SCREENSHOT_DIR } from './support/browser.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

if (!process.env.KEHU_BASE_URL) {
  console.error('e2e: set KEHU_BASE_URL to the running service, e.g. KEHU_BASE_URL=http://127.0.0.1:8080 npm run e2e');
  process.exit(2);
}
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`e2e: no browser at ${CHROMIUM_PATH}; run \`npm run setup:browser\` (as root) or set CHROMIUM_PATH`);
  process.exit(2);
}
mkdirSync(SCREENSHOT_DIR, { recursive: true });

const only = process.argv.slice(2);
const specs = readdirSync(here)
  .filter((f) => f.endsWith('.spec.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => `${here}${f}`);

const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...specs], { stdio: 'inherit' });
process.exit(result.status ?? 1);
