// The returned goods' internal handling (客户退换货处理单) in the browser,
// every department in turn on the demo's return whose goods the warehouse
// has received: QA keeps its step longer with a reason, then inspects and
// labels (on a phone), engineering proposes a rework plan, the general
// manager sends it back and then approves the new one, PMC schedules,
// production reworks, the warehouse takes the goods back.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser, screenshot } from './support/browser.mjs';
import { login, switchUser } from './support/flow.mjs';
import { answerTo, steps } from './support/steps.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
let id = 0;

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

const step = steps('handling', () => page);

/** Opens the return from My tasks (it must be waiting for this user). */
async function openFromTasks() {
  const link = page.locator(`a[href="/returns/${id}"]`).first();
  await link.click();
  await page.waitForURL(new RegExp(`/returns/${id}$`));
  await page.getByTestId('handling-section').waitFor();
}

/** The handling section's current step, as its step bar names it. @param {string} label */
async function expectStep(label) {
  await page.getByTestId('handling-section').locator('.ant-steps-item-process', { hasText: label }).first().waitFor();
}

/** Takes `action` through its drawer; `fill` fills it in. @param {string} action @param {(d: import('playwright-core').Locator) => Promise<void>} [fill] */
async function take(action, fill) {
  await page.locator(`[data-testid="handling-action-${action}"]:visible`).click();
  const drawer = page.locator('.ant-drawer-content:visible').last();
  await drawer.waitFor();
  if (fill) await fill(drawer);
  const answer = await answerTo(page, `/api/v1/returns/${id}/handling/actions/${action}`, () => drawer.getByTestId('handling-submit').click());
  assert.equal(answer.status(), 200, await answer.text());
  return answer.json();
}

step('QA finds the received goods in My tasks on a phone and labels them', async () => {
  await page.setViewportSize(PHONE);
  await login(page, 'qa');
  const link = page.locator('a[href^="/returns/"]', { hasText: 'TH' }).first();
  await link.waitFor();
  id = Number((await link.getAttribute('href'))?.split('/').pop());
  assert.ok(id > 0);
  await openFromTasks();
  await expectStep('品保检验标识');
  // The sample went out for a lab test: QA keeps the step longer, once, with the reason.
  const kept = await take('extend', async (d) => {
    await d.getByLabel('延期理由').fill('样品送外校，等待检测报告');
  });
  assert.equal(kept.handling.state, 'qa_inspection');
  assert.equal(kept.handling.step_extended, true);
  assert.ok(!kept.handling.available_actions.includes('extend'));
  await page.getByTestId('handling-section').getByText('已延期').first().waitFor();
  const r = await take('inspect', async (d) => {
    await d.getByLabel('品保检验结果').fill('外箱破损 1 箱，产品外观无损');
    await d.getByLabel('标识').fill('待整改');
  });
  assert.equal(r.handling.state, 'analysis');
  await screenshot(page, 'handling-phone-inspected');
});

step('engineering proposes a rework plan with its cost; the plan text is required', async () => {
  await page.setViewportSize(DESKTOP);
  await switchUser(page, 'engineering');
  await openFromTasks();
  await page.locator('[data-testid="handling-action-plan"]:visible').click();
  const drawer = page.locator('.ant-drawer-content:visible').last();
  await drawer.getByLabel('技术分析').fill('包装不良致运输挤压');
  await drawer.getByLabel('整改', { exact: true }).check();
  await drawer.getByLabel('整改费用').fill('1200');
  await drawer.getByTestId('handling-submit').click();
  await drawer.getByText('必填', { exact: false }).first().waitFor();
  await drawer.getByLabel('整改方案').fill('更换外包装并全检');
  const answer = await answerTo(page, `/api/v1/returns/${id}/handling/actions/plan`, () => drawer.getByTestId('handling-submit').click());
  assert.equal(answer.status(), 200, await answer.text());
  assert.equal((await answer.json()).handling.cost.amount, '1200.00');
});

step('the general manager sends the plan back with a reason, engineering revises, he approves', async () => {
  await switchUser(page, 'gm');
  await openFromTasks();
  await take('reject_plan', (d) => d.getByLabel('退回理由').fill('先确认客户是否接受换包装'));
  await switchUser(page, 'engineering');
  await openFromTasks();
  await page.getByTestId('handling-rejection').waitFor();
  await take('plan', async (d) => {
    await d.getByLabel('整改方案').fill('更换外包装并全检，客户已确认');
  });
  await switchUser(page, 'gm');
  await openFromTasks();
  const r = await take('approve_plan');
  assert.equal(r.handling.state, 'scheduling');
});

step('PMC schedules the rework and production reports it done', async () => {
  await switchUser(page, 'pmc');
  await openFromTasks();
  await take('schedule', async (d) => {
    for (const [label, day] of [['开工日期', '2026-12-08'], ['完工日期', '2026-12-09']]) {
      const input = d.getByLabel(label);
      await input.click();
      await input.fill(day);
      await input.press('Enter');
    }
    await d.getByLabel('生产单位').fill('包装线');
  });
  await switchUser(page, 'production');
  await openFromTasks();
  const r = await take('complete_rework');
  assert.equal(r.handling.state, 're_receipt');
});

step('the warehouse takes the goods back on a phone; the handling is done', async () => {
  await page.setViewportSize(PHONE);
  await switchUser(page, 'warehouse');
  await openFromTasks();
  const r = await take('re_receive');
  assert.equal(r.handling.state, 'done');
  assert.deepEqual(r.handling.lines.map((/** @type {{re_received: number}} */ l) => l.re_received), r.handling.lines.map((/** @type {{reworked: number}} */ l) => l.reworked));
  await page.getByText('客户退换货处理单已处理完毕').first().waitFor();
  await screenshot(page, 'handling-phone-done');
});
