// The sign-offs and side routes in the browser, on the demo's cases: the
// sales manager petitions the general manager (签呈) about the case waiting
// for the countersign; the general manager decides the QA manager's petition
// from My tasks on a phone and sends that case back to QA, who finds it in
// his tasks; the coordinator prints the casting supplier's corrective-action
// request, records its answer on a phone, and the QA manager accepts it.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser, screenshot } from './support/browser.mjs';
import { caseHeader, choose, expectState, login, openByProduct, switchUser } from './support/flow.mjs';
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

/** The drawer that is open now. */
const drawer = () => page.locator('.ant-drawer-content:visible').last();

step('the sales manager petitions the general manager about the case waiting for the countersign', async () => {
  await login(page, 'sales_manager');
  const id = await openByProduct(page, 'PIN-3310', 'section-petitions');
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

step("the coordinator prints the casting supplier's request and records its answer on a phone", async () => {
  await switchUser(page, 'coordinator');
  await page.getByRole('heading', { level: 2, name: '待供应商回复' }).waitFor();
  await page.getByRole('link', { name: /的供应商纠正要求（江苏华力铸造有限公司）/ }).first().click();
  await caseHeader(page).waitFor();
  const section = page.locator('#section-suppliers');
  await section.getByText('江苏华力铸造有限公司').first().waitFor();
  await section.getByRole('link', { name: '打印要求单' }).first().click();
  await page.getByRole('heading', { level: 1, name: '供应商纠正措施要求单' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('body').innerText();
  assert.ok(text.includes('江苏华力铸造有限公司') && text.includes('CST-5501'), 'the request names the supplier and the part');
  assert.ok(!/¥/.test(text), 'no internal amounts on the supplier form');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, 'supplier-request-print');
  await page.goBack();
  await caseHeader(page).waitFor();
  await page.setViewportSize(PHONE);
  await section.getByRole('button', { name: /登记回复/ }).first().click();
  const d = drawer();
  await d.waitFor();
  await d.getByLabel('原因分析').fill('浇注温度偏低，排气不良导致气孔');
  await d.getByLabel('纠正措施').fill('增加炉温在线监控；首件及每批抽检 X 光');
  const answer = await answerTo(page, /\/api\/v1\/complaints\/\d+\/supplier-requests\/\d+\/actions\/record_answer$/, () =>
    d.getByRole('button', { name: '确认登记' }).click(),
  );
  assert.equal(answer.status(), 200, await answer.text());
  assert.equal((await answer.json()).state, 'answered');
  await section.getByText('浇注温度偏低，排气不良导致气孔').waitFor();
});

step('the QA manager accepts the answer from My tasks', async () => {
  await page.setViewportSize(DESKTOP);
  await switchUser(page, 'qa_manager');
  await page.getByRole('heading', { level: 2, name: '待审核的供应商回复' }).waitFor();
  await page.getByRole('link', { name: /的供应商纠正要求（江苏华力铸造有限公司）/ }).first().click();
  await caseHeader(page).waitFor();
  const section = page.locator('#section-suppliers');
  await section.getByRole('button', { name: /接受回复/ }).first().click();
  const d = drawer();
  await d.waitFor();
  const answer = await answerTo(page, /\/api\/v1\/complaints\/\d+\/supplier-requests\/\d+\/actions\/accept$/, () =>
    d.getByRole('button', { name: '确认接受' }).click(),
  );
  assert.equal(answer.status(), 200, await answer.text());
  assert.equal((await answer.json()).state, 'accepted');
  await screenshot(page, 'supplier-request-accepted');
});
