// Shared Playwright set-up: the system Chromium (Debian's `chromium` package,
// see scripts/setup-browser.sh) driven through playwright-core. Playwright's
// own browser download cannot work here (no internet beyond package registries).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOT_DIR = new URL('../../test-results/screenshots/', import.meta.url).pathname;

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The running service that serves the built SPA, e.g. http://127.0.0.1:8080 */
export function baseUrl() {
  const url = process.env.KEHU_BASE_URL;
  if (!url) throw new Error('KEHU_BASE_URL is not set (the running Kehu service serving frontend/dist)');
  return url.replace(/\/+$/, '');
}

/**
 * Saves a screenshot as test-results/screenshots/<name>.png: the full page,
 * or only the viewport (drawers, phone screens with fixed bars).
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {{ fullPage?: boolean }} [options]
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
