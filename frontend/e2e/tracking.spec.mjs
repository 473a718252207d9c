// Improvement tracking (改善追踪) in the browser, on the demo's cases: QA
// records the effectiveness check of the closed case whose 8D report was
// approved, on a phone; the coordinator asks to defer the closure of the
// complaint he marked irrational; the deputy general manager approves it from
// My tasks on a phone, which makes it a second-level irrational complaint.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser, screenshot } from './support/browser.mjs';
import { caseHeader, login, openByProduct, switchUser } from './support/flow.mjs';
import { answerTo, steps } from './support/steps.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
let irrational = 0;

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

const step = steps('tracking', () => page);

/** The drawer that is open now. */
const drawer = () => page.locator('.ant-drawer-content:visible').last();

step('QA records the effectiveness check of the closed 8D case on a phone', async () => {
  await page.setViewportSize(PHONE);
  await login(page, 'qa');
  const id = await openByProduct(page, 'BRK-2231', 'section-tracking');
  const section = page.locator('#section-tracking');
  await section.getByText('待验证').first().waitFor();
  await section.getByRole('button', { name: '记录验证结果' }).click();
  const d = drawer();
  await d.waitFor();
  for (const question of ['措施能改善现存问题', '不会导致新问题', '能确保此类问题不再发生']) {
    await d.getByRole('switch', { name: question }).click();
  }
  await d.getByTestId('check-outcome').getByText(/验证通过/).waitFor();
  await d.getByLabel('验证依据').fill('返工后连续 3 批盐雾试验 48 小时无红锈');
  const answer = await answerTo(page, `/api/v1/complaints/${id}/effectiveness-check/result`, () => d.getByRole('button', { name: '记录验证结果' }).click());
  assert.equal(answer.status(), 200, await answer.text());
  assert.equal((await answer.json()).state, 'passed');
  await section.getByText('验证通过').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  await screenshot(page, 'tracking-phone-check-passed');
});

step('the coordinator asks to defer the closure of the complaint he marked irrational', async () => {
  await page.setViewportSize(DESKTOP);
  await switchUser(page, 'coordinator');
  irrational = await openByProduct(page, 'BRK-1180', 'section-tracking');
  const section = page.locator('#section-tracking');
  await section.getByText(/非理性抱怨（一次）/).first().waitFor();
  await section.getByRole('button', { name: '申请暂缓关闭' }).click();
  const d = drawer();
  await d.waitFor();
  await d.getByLabel('暂缓理由').fill('客户坚持按新品价格更换，需待下季度合同谈判后再定');
  await d.getByText('监控').click();
  const until = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  const picker = d.getByLabel('暂缓至');
  await picker.click();
  await picker.fill(until);
  // Enter would submit the form from the picker; leaving the field keeps the date.
  await picker.press('Tab');
  const answer = await answerTo(page, `/api/v1/complaints/${irrational}/deferrals`, () => d.getByRole('button', { name: '提交申请' }).click());
  assert.equal(answer.status(), 201, await answer.text());
  const r = await answer.json();
  assert.equal(r.state, 'requested');
  assert.equal(r.until_on, until);
  await section.getByText('待审批').first().waitFor();
});

step('the deputy GM approves it from My tasks on a phone', async () => {
  await page.setViewportSize(PHONE);
  await switchUser(page, 'deputy_gm');
  const link = page.locator(`a[href^="/complaints/${irrational}"]`).first();
  await link.waitFor();
  await link.click();
  await caseHeader(page).waitFor();
  const section = page.locator('#section-tracking');
  await section.getByRole('button', { name: /批\s*准/ }).first().click();
  const d = drawer();
  await d.waitFor();
  const answer = await answerTo(page, /\/api\/v1\/complaints\/\d+\/deferrals\/\d+\/actions\/approve$/, () =>
    d.getByRole('button', { name: /批\s*准/ }).click(),
  );
  assert.equal(answer.status(), 200, await answer.text());
  assert.equal((await answer.json()).state, 'approved');
  await section.getByText(/非理性抱怨（二次）/).first().waitFor();
  await screenshot(page, 'tracking-phone-deferral-approved');
});
