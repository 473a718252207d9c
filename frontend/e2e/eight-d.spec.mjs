// The 8D report (8D 问题处理报告) in the browser, on the demo's severe quality
// case whose report waits for the QA manager: he finds it in My tasks on a
// phone and sends it back with comments; engineering sharpens the root cause,
// QA submits again, the QA manager approves on the phone, and the A4 print
// view for the customer is printed to PDF.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { baseUrl, launchBrowser, screenshot, SCREENSHOT_DIR } from './support/browser.mjs';
import { login, switchUser } from './support/flow.mjs';
import { answerTo, steps } from './support/steps.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
let complaint = 0;

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

const step = steps('eight-d', () => page);
const report = () => `/api/v1/complaints/${complaint}/8d`;

async function openReport() {
  await page.goto(`${baseUrl()}/complaints/${complaint}/8d`);
  await page.getByTestId('eight-d-state').first().waitFor();
}

/** The QA manager's 核准 / 退回: the page's button, then the drawer's. @param {RegExp} label @param {string} action @param {string} [comment] */
async function review(label, action, comment) {
  await page.getByRole('button', { name: label }).first().click();
  const drawer = page.locator('.ant-drawer-content:visible').last();
  await drawer.waitFor();
  if (comment) await drawer.getByLabel('意见').fill(comment);
  const answer = await answerTo(page, `${report()}/actions/${action}`, () => drawer.getByRole('button', { name: label }).click());
  assert.equal(answer.status(), 200, await answer.text());
  return answer.json();
}

step('the QA manager finds the report in My tasks on a phone and sends it back with comments', async () => {
  await page.setViewportSize(PHONE);
  await login(page, 'qa_manager');
  const link = page.locator('a[href$="/8d"]').first();
  await link.waitFor();
  complaint = Number((await link.getAttribute('href'))?.split('/')[2]);
  assert.ok(complaint > 0);
  await link.click();
  await page.waitForURL(new RegExp(`/complaints/${complaint}/8d$`));
  await page.getByTestId('progress-summary').waitFor();
  const r = await review(/退\s*回/, 'send_back', 'D4 请补充交换试验的数据');
  assert.equal(r.state, 'draft');
  await screenshot(page, 'eight-d-phone-sent-back');
});

step('engineering sharpens the root cause and saves the draft', async () => {
  await page.setViewportSize(DESKTOP);
  await switchUser(page, 'engineering');
  await openReport();
  await page.getByTestId('review-comment').waitFor();
  await page.getByLabel('根本原因').fill('电镀槽液温度失控，镀层附着力不足；交换试验：换槽后 30 件全部合格');
  const answer = await answerTo(page, report(), () => page.getByRole('button', { name: /保\s*存/ }).click(), 'PUT');
  assert.equal(answer.status(), 200, await answer.text());
  const r = await answer.json();
  assert.match(r.report.root_cause.cause, /交换试验/);
});

step('QA submits it again for review', async () => {
  await switchUser(page, 'qa');
  await openReport();
  const answer = await answerTo(page, `${report()}/actions/submit`, () => page.getByRole('button', { name: '提交审核' }).click());
  assert.equal(answer.status(), 200, await answer.text());
  assert.equal((await answer.json()).state, 'in_review');
});

step('the QA manager approves it on the phone', async () => {
  await page.setViewportSize(PHONE);
  await switchUser(page, 'qa_manager');
  await openReport();
  const r = await review(/核\s*准/, 'approve');
  assert.equal(r.state, 'approved');
  assert.equal(r.can_edit, false);
  await screenshot(page, 'eight-d-phone-approved');
});

step('the customer-facing 8D prints on A4 without internal amounts', async () => {
  await page.setViewportSize(DESKTOP);
  await page.goto(`${baseUrl()}/complaints/${complaint}/8d/print`);
  const body = page.locator('body');
  await body.getByText('8D 问题处理报告').first().waitFor();
  await body.getByText('品保部经理').first().waitFor();
  const text = await body.innerText();
  assert.doesNotMatch(text, /¥|赔偿金额|责任比例/);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.ok(pdf.length > 10_000, `a PDF of ${pdf.length} bytes`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(join(SCREENSHOT_DIR, 'eight-d-print.pdf'), pdf);
});
