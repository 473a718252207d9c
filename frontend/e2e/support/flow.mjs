// Helpers for walking a complaint through the workflow in the browser:
// logging in and out through the UI, opening a case, taking an action in its
// drawer. Every wait is on an element or a URL, never a fixed sleep.
import { baseUrl } from './browser.mjs';

export const PASSWORD = process.env.KEHU_E2E_PASSWORD || 'kehu-demo-pass';

/** @typedef {import('playwright-core').Page} Page */

/** @param {Page} page @param {string} username */
export async function login(page, username) {
  if (!page.url().includes('/login')) await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await page.waitForURL(/\/tasks$/);
  await page.getByRole('heading', { level: 1, name: '我的待办' }).waitFor();
}

/**
 * Logs out through the user menu. Once, in a full walk on two busy cores, the
 * click on 退出登录 landed while the menu was still opening and was lost: the
 * menu stayed open and nothing was sent. So a menu still open after the click
 * is closed and the click made again.
 * @param {Page} page
 */
export async function logout(page) {
  const item = page.getByRole('menuitem', { name: /退出登录/ });
  for (let attempt = 1; ; attempt++) {
    await page.getByRole('button', { name: /^用户菜单：/ }).click();
    await item.click();
    try {
      await page.waitForURL(/\/login/, { timeout: attempt < 3 ? 5_000 : 15_000 });
      break;
    } catch (error) {
      if (attempt >= 3 || !(await item.isVisible())) throw error;
      await page.keyboard.press('Escape');
      await item.waitFor({ state: 'hidden' });
    }
  }
  await page.getByLabel('用户名').waitFor();
}

/** @param {Page} page @param {string} username */
export async function switchUser(page, username) {
  await logout(page);
  await login(page, username);
}

/**
 * From My tasks, opens the case (it must be waiting for this user).
 * @param {Page} page @param {number} id
 */
export async function openTask(page, id) {
  const link = page.locator(`.kehu-tasks a[href^="/complaints/${id}"]`);
  await link.first().click();
  await page.waitForURL(new RegExp(`/complaints/${id}(/edit)?(#.*)?$`));
  await caseHeader(page).waitFor();
}

/** Opens a case by its URL (for roles whose inbox does not hold it). @param {Page} page @param {number} id */
export async function openCase(page, id) {
  await page.goto(`${baseUrl()}/complaints/${id}`);
  await caseHeader(page).waitFor();
}

/**
 * Opens the demo case of `product` from the complaint list's search at the
 * section `anchor`; its id.
 * @param {Page} page @param {string} product @param {string} anchor
 */
export async function openByProduct(page, product, anchor) {
  await page.goto(`${baseUrl()}/complaints?q=${product}`);
  await page.locator('a[href^="/complaints/"]').first().waitFor();
  const hrefs = await page.locator('a[href^="/complaints/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const id = Number(hrefs.map((h) => /^\/complaints\/(\d+)/.exec(h)?.[1]).find(Boolean));
  if (!(id > 0)) throw new Error(`no complaint of ${product} in the list`);
  await page.goto(`${baseUrl()}/complaints/${id}#${anchor}`);
  await caseHeader(page).waitFor();
  return id;
}

/** @param {Page} page */
export function caseHeader(page) {
  return page.locator('header.kehu-case-head');
}

/** The state tag in the case header. @param {Page} page @param {string} label */
export async function expectState(page, label) {
  await caseHeader(page).locator('.kehu-state-tag', { hasText: label }).waitFor();
}

/** The actions the header (or the phone action bar) offers. @param {Page} page */
export async function visibleActions(page) {
  await caseHeader(page).waitFor();
  return page.locator('button[data-action]').evaluateAll((buttons) =>
    buttons.filter((b) => /** @type {HTMLElement} */ (b).offsetParent !== null).map((b) => b.getAttribute('data-action')),
  );
}

/** Opens an action's drawer. @param {Page} page @param {string} action */
export async function openAction(page, action) {
  await page.locator(`button[data-action="${action}"]`).click();
  const drawer = page.locator('.kehu-action-drawer .ant-drawer-content');
  await drawer.waitFor();
  await drawersSettled(page);
  return drawer;
}

/**
 * Waits until no drawer is sliding (motion classes gone): a moving field
 * takes no click and a screenshot catches it halfway.
 * @param {Page} page
 */
export async function drawersSettled(page) {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.ant-drawer-content-wrapper')).every((w) => !/motion/.test(w.className)));
}

/**
 * Submits the open drawer with its primary button and waits for it to close.
 * @param {Page} page @param {import('playwright-core').Locator} drawer @param {string} label
 */
export async function submitDrawer(page, drawer, label) {
  await drawer.locator('.ant-drawer-footer').getByRole('button', { name: label, exact: true }).click();
  await drawer.waitFor({ state: 'detached' });
}

/**
 * Picks an option in an antd Select found by its label (in `scope`, e.g. a
 * drawer): a searchable select is typed into and confirmed with Enter, the
 * others get the option clicked; then waits for the choice to show.
 * @param {Page} page @param {Page | import('playwright-core').Locator} scope @param {string} label @param {string} option
 */
export async function choose(page, scope, label, option) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
  if (await input.isEditable()) {
    await input.fill(option);
    await item.waitFor();
    await item.hover();
    await item.click();
  } else {
    await item.click();
  }
  // `has` is relative to each form item: build it from the page, not from `scope`.
  const field = scope.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });
  await field.locator('.ant-select-selection-item', { hasText: option }).waitFor();
}

/** YYYY-MM-DD of a day `daysAgo` before today, in the company's time zone. @param {number} daysAgo */
export function isoDay(daysAgo) {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

/**
 * Switches the UI language from the top bar and waits until the page speaks it.
 * The menu of a previous switch may still be fading out, so a click that
 * lands on a closing menu is retried with the menu opened afresh.
 * @param {Page} page @param {string} language menu label, e.g. "English" @param {string} code e.g. "en"
 */
export async function switchLanguage(page, language, code) {
  const current = () => page.evaluate(() => document.documentElement.lang);
  for (let attempt = 0; attempt < 4 && (await current()) !== code; attempt++) {
    const item = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByRole('menuitem', { name: language });
    if (!(await item.isVisible())) await page.getByRole('button', { name: /^(语言|語言|Language)/ }).click();
    await item.click({ timeout: 3000 }).catch(() => {});
    await page.waitForFunction((lang) => document.documentElement.lang === lang, code, { timeout: 5000 }).catch(() => {});
  }
  if ((await current()) !== code) throw new Error(`the page did not switch to ${code}`);
}
