// A walk of dependent steps for node's test runner, and the wait for the API
// answer a click sets off. New specs use these instead of their own copies.
import { test } from 'node:test';
import { screenshot } from './browser.mjs';

/**
 * Steps that build on each other: after a failure the rest are skipped, and
 * the failing page is kept as a screenshot named after the walk.
 * @param {string} walk @param {() => import('playwright-core').Page} page
 */
export function steps(walk, page) {
  let failed = '';
  /** @param {string} name @param {() => Promise<void>} fn */
  return (name, fn) =>
    test(name, async (t) => {
      if (failed) return t.skip(`an earlier step failed: ${failed}`);
      try {
        await fn();
      } catch (error) {
        failed = name;
        await screenshot(page(), `failed-${walk}-step`).catch(() => {});
        throw error;
      }
    });
}

/**
 * The answer of the API call `act` sets off.
 * @param {import('playwright-core').Page} page @param {string | RegExp} path e.g. `/api/v1/returns/7` @param {() => Promise<void>} act
 * @param {string} [method]
 */
export async function answerTo(page, path, act, method = 'POST') {
  const answered = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return r.request().method() === method && (typeof path === 'string' ? url.pathname === path : path.test(url.pathname));
  });
  await act();
  return answered;
}
