// Login, My tasks, language switching, session restore — against the running
// service (KEHU_BASE_URL) with the demo data (user `sales`).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';

const USERNAME = process.env.KEHU_E2E_USER || 'sales';
const PASSWORD = process.env.KEHU_E2E_PASSWORD || 'kehu-demo-pass';
const TIMEOUT = 15_000;

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;

before(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(TIMEOUT);
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
});

/** @param {string} name */
const heading = (name) => page.getByRole('heading', { level: 1, name });

test('an anonymous visit lands on the login page', async () => {
  await page.goto(`${baseUrl()}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await screenshot(page, 'login-zh-CN');
});

test('a wrong password is refused with a message', async () => {
  await page.getByLabel('用户名').fill(USERNAME);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByLabel('密码').press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: /用户名或密码错误|登录失败次数过多/ });
  await alert.waitFor();
  await screenshot(page, 'login-error-zh-CN');
});

test('sales logs in with the keyboard and sees My tasks', async () => {
  await page.getByLabel('用户名').fill(USERNAME);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await page.waitForURL(/\/tasks$/);
  await heading('我的待办').waitFor();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  assert.equal(await page.title(), '我的待办 · Kehu');
  await screenshot(page, 'tasks-zh-CN');
});

test('switches to English and back from the top bar', async () => {
  await page.getByRole('button', { name: /^语言/ }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await heading('My tasks').waitFor();
  await page.getByRole('menuitem', { name: 'English' }).waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await screenshot(page, 'tasks-en');

  await page.getByRole('button', { name: /^Language/ }).click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await heading('我的待办').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('kehu.language')), 'zh-CN');
});

test('the language is remembered but no token is stored in the browser', async () => {
  const stored = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
  assert.deepEqual(stored, { local: ['kehu.language'], session: [] });
});

test('a reload restores the session from the refresh cookie', async () => {
  await page.reload();
  await heading('我的待办').waitFor();
  assert.match(page.url(), /\/tasks$/);
});

test('on a phone the navigation is a bottom tab bar', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const tabs = page.getByRole('navigation', { name: '底部导航' });
  await tabs.waitFor();
  // The tasks tab carries its count badge ("2\n待办"): compare the labels only.
  const labels = (await tabs.getByRole('link').allInnerTexts()).map((t) => (t.split('\n').pop() ?? '').trim());
  assert.deepEqual(labels, ['待办', '投诉', '客户', '我的']);
  await screenshot(page, 'tasks-phone-zh-CN');
  await page.setViewportSize({ width: 1280, height: 800 });
});
