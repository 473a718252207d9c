// An allowance certificate (销货折让证明单) from the demo data through every
// role that signs it: the sales manager countersigns the compensation
// certificate on a phone from My tasks; the general manager countersigns on a
// desktop; sales records the customer's signature with the proof; finance
// books it under a voucher; the print view renders to a one-page PDF with the
// number and every sign-off.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, screenshot } from './support/browser.mjs';
import { login, openAction, submitDrawer, switchUser } from './support/flow.mjs';

const CUSTOMER = '宁波汽配制造有限公司';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
let id = 0;
let number = '';

before(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: DESKTOP });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
});

after(async () => {
  await browser?.close();
});

let failed = '';
/** The steps build on each other: after a failure the rest are skipped. @param {string} name @param {() => Promise<void>} fn */
function step(name, fn) {
  test(name, async (t) => {
    if (failed) return t.skip(`an earlier step failed: ${failed}`);
    try {
      await fn();
    } catch (error) {
      failed = name;
      await screenshot(page, 'failed-allowances-step').catch(() => {});
      throw error;
    }
  });
}

/** The answer of the API call a click sets off. @param {string} path @param {() => Promise<void>} act */
async function answerTo(path, act) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path);
  await act();
  return answered;
}

/** Opens the certificate from My tasks (it must be waiting for this user). */
async function openFromTasks() {
  const tasks = page.locator('[aria-label="销货折让证明单待办"]');
  await tasks.waitFor();
  const link = id ? tasks.locator(`a[href="/allowances/${id}"]`) : tasks.getByRole('link', { name: new RegExp(`，${CUSTOMER}$`) }).first();
  await link.click();
  await page.waitForURL(/\/allowances\/\d+$/);
  await page.getByRole('heading', { level: 1, name: /^ZR\d{4}-\d{4}$/ }).waitFor();
}

/** The state tag in the certificate's header. @param {string} label */
async function expectState(label) {
  await page.locator('.kehu-allowance-head').getByText(label, { exact: true }).waitFor();
}

step('the sales manager countersigns the compensation certificate on a phone, from My tasks', async () => {
  await page.setViewportSize(PHONE);
  await login(page, 'sales_manager');
  await openFromTasks();
  id = Number(new URL(page.url()).pathname.split('/').pop());
  number = (await page.getByRole('heading', { level: 1, name: /^ZR/ }).innerText()).trim();
  assert.match(number, /^ZR\d{4}-\d{4}$/);
  await expectState('待经理核签');
  await page.locator('button[data-action="approve"]:visible').click();
  const answer = await answerTo(`/api/v1/allowances/${id}/actions/approve`, () =>
    page.locator('.ant-popconfirm').getByRole('button', { name: '核签同意', exact: true }).click(),
  );
  assert.equal(answer.status(), 200, await answer.text());
  await expectState('待总经理核签');
  await screenshot(page, 'allowance-phone-countersigned');
});

step('the general manager countersigns on a desktop', async () => {
  await page.setViewportSize(DESKTOP);
  await switchUser(page, 'gm');
  await openFromTasks();
  await page.locator('button[data-action="approve"]:visible').click();
  const answer = await answerTo(`/api/v1/allowances/${id}/actions/approve`, () =>
    page.locator('.ant-popconfirm').getByRole('button', { name: '核签同意', exact: true }).click(),
  );
  assert.equal(answer.status(), 200, await answer.text());
  await expectState('待客户签章');
});

step('sales records the customer signature and the proof', async () => {
  await switchUser(page, 'sales');
  await openFromTasks();
  const drawer = await openAction(page, 'sign');
  await drawer.getByLabel('客户签章人', { exact: true }).fill('李娜');
  await drawer.getByLabel('(c) 证明单签回', { exact: true }).check();
  await drawer.getByLabel('发票号 / 证明单号', { exact: true }).fill('ZR-E2E-01');
  const answer = await answerTo(`/api/v1/allowances/${id}/actions/sign`, () => submitDrawer(page, drawer, '客户签章'));
  assert.equal(answer.status(), 200, await answer.text());
  const body = await answer.json();
  assert.equal(body.proof_kind, 'return_certificate');
  await expectState('待会计作账');
});

step('finance books it under a voucher', async () => {
  await switchUser(page, 'finance');
  await openFromTasks();
  const drawer = await openAction(page, 'book');
  await drawer.getByLabel('传票号', { exact: true }).fill('记-E2E-001');
  const answer = await answerTo(`/api/v1/allowances/${id}/actions/book`, () => submitDrawer(page, drawer, '会计作账'));
  assert.equal(answer.status(), 200, await answer.text());
  await expectState('已作账');
});

step('the certificate prints on one A4 page with its number and every sign-off', async () => {
  await page.locator('button[data-action="print"]:visible').click();
  await page.waitForURL(new RegExp(`/allowances/${id}/print$`));
  await page.getByRole('heading', { level: 1, name: '销货折让证明单' }).waitFor();
  const signOff = page.getByRole('table', { name: '签核' });
  for (const name of ['张业务', '李经理', '郑总', '李娜', '何会计']) await signOff.getByText(name).first().waitFor();
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('.kehu-print').innerText();
  assert.ok(text.includes(number), 'the printed page names the certificate');
  assert.ok(text.includes('一式二联'), 'the printed page carries the copy marks');
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.ok(pdf.length > 1000, `a PDF of ${pdf.length} bytes`);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  if (pages > 0) assert.equal(pages, 1, 'one A4 page');
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, 'allowance-print-zh-CN');
});
