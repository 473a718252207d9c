// The sign-offs of the route in the browser, on the demo's cases: the sales
// manager petitions the general manager (签呈) about the case waiting for the
// countersign; the general manager decides the QA manager's petition from My
// tasks on a phone and sends that case back to QA, who finds it in his tasks.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { caseHeader, choose, expectState, login, switchUser } from './support/flow.mjs';
import { answerTo, steps } from './support/steps.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
let disputed = 0;

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

const step = steps('sign-offs', () => page);

/** Opens the demo case of `product` from the complaint list's search; its id. @param {string} product */
async function openByProduct(product) {
  await page.goto(`${baseUrl()}/complaints?q=${product}`);
  await page.locator('a[href^="/complaints/"]').first().waitFor();
  const hrefs = await page.locator('a[href^="/complaints/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const id = Number(hrefs.map((h) => /^\/complaints\/(\d+)/.exec(h)?.[1]).find(Boolean));
  assert.ok(id > 0);
  await page.goto(`${baseUrl()}/complaints/${id}#section-petitions`);
  await caseHeader(page).waitFor();
  return id;
}

/** The drawer that is open now. */
const drawer = () => page.locator('.ant-drawer-content:visible').last();

step('the sales manager petitions the general manager about the case waiting for the countersign', async () => {
  await login(page, 'sales_manager');
  const id = await openByProduct('PIN-3310');
  await expectState(page, '待业务主管会签');
  const section = page.locator('#section-petitions');
  await section.getByRole('button', { name: '发起签呈' }).click();
  const d = drawer();
  await d.waitFor();
  await d.getByLabel('主题').fill('赔偿金额异议');
  await d.getByLabel('签呈内容').fill('停线工时按客户单方面统计，请总经理裁定是否退回业务重新拟定');
  await choose(page, d, '申请退回至', '待拟处理意见');
  const answer = await answerTo(page, `/api/v1/complaints/${id}/petitions`, () => d.getByRole('button', { name: '提交签呈' }).click());
  assert.equal(answer.status(), 201, await answer.text());
  const p = await answer.json();
  assert.equal(p.state, 'pending');
  assert.equal(p.return_to, 'sales_proposal');
  await section.getByText('待裁决').first().waitFor();
  await section.getByText('赔偿金额异议').waitFor();
  await screenshot(page, 'sign-offs-petition-raised');
});

step("the general manager sends the QA manager's disputed case back to QA from My tasks on a phone", async () => {
  await page.setViewportSize(PHONE);
  await switchUser(page, 'gm');
  const box = page.getByRole('heading', { level: 2, name: '待裁决的签呈' });
  await box.waitFor();
  const link = page.getByRole('link', { name: /打开投诉 .* 的签呈/ }).filter({ hasText: /HSG-7702|责任判定异议/ }).first();
  await link.waitFor();
  const href = (await link.getAttribute('href')) ?? '';
  disputed = Number(/^\/complaints\/(\d+)/.exec(href)?.[1]);
  assert.ok(disputed > 0, href);
  await link.click();
  await caseHeader(page).waitFor();
  await expectState(page, '待拟处理意见');
  const section = page.locator('#section-petitions');
  await section.getByRole('button', { name: '裁决' }).first().click();
  const d = drawer();
  await d.waitFor();
  await d.getByLabel('裁决意见').fill('同意品保意见：退回品保重新判定责任并追溯铸件供应商');
  await choose(page, d, '退回至', '质量调查中');
  const answer = await answerTo(page, /\/api\/v1\/complaints\/\d+\/petitions\/\d+\/actions\/decide$/, () =>
    d.getByRole('button', { name: '提交裁决' }).click(),
  );
  assert.equal(answer.status(), 200, await answer.text());
  const r = await answer.json();
  assert.equal(r.state, 'decided');
  assert.equal(r.returned_to, 'qa_investigation');
  await expectState(page, '质量调查中');
  await section.getByText('已裁决').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  await screenshot(page, 'sign-offs-phone-petition-decided');
});

step('QA finds the case back in his tasks', async () => {
  await page.setViewportSize(DESKTOP);
  await switchUser(page, 'qa');
  await page.locator(`.kehu-tasks a[href^="/complaints/${disputed}"]`).first().waitFor();
});
