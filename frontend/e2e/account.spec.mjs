// 我的 → 修改密码, on a phone: the page checks the repeat, the server refuses a
// guessable password at its field, a good one keeps this session and the old
// password no longer signs in. Uses `sales_manager2`, whom no other walk signs in as.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { PASSWORD, login } from './support/flow.mjs';

const NEW_PASSWORD = 'Lantern-Quarry-47-Tide';

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;

before(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await page.goto(`${baseUrl()}/login`);
  await login(page, 'sales_manager2');
});

after(async () => {
  await browser?.close();
});

/** @param {string} current @param {string} next @param {string} again */
async function fill(current, next, again) {
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码').fill(again);
  await page.getByRole('button', { name: '修改密码' }).click();
}

test('a guessable password is refused at its field', async () => {
  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: /我的/ }).click();
  await page.getByRole('heading', { level: 1, name: '我的' }).waitFor();
  await fill(PASSWORD, 'password1234', 'password1234');
  await page.getByText(/密码太容易被猜到/).waitFor();
  await screenshot(page, 'me-password-weak-phone-zh-CN');
});

test('a good one keeps this session, and only the new password signs in', async () => {
  await fill(PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
  await page.getByText('密码已修改，其他设备上的登录已退出').waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '我的' }).waitFor();
  // 我的 has its own log-out button on a phone.
  await page.getByRole('button', { name: /退出登录/ }).click();
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill('sales_manager2');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await page.getByRole('alert').filter({ hasText: /用户名或密码错误/ }).waitFor();
  await page.getByLabel('密码').fill(NEW_PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await page.waitForURL(/\/tasks$/);
  assert.match(page.url(), /\/tasks$/);
});
