// Responsibility and penalties in the browser (issue 15): HR imports base
// points and bonuses from a sheet, a wrong row first; the administrator
// changes a penalty rule; the coordinator starts last month's run; the
// production head confirms his department's items on a phone; the sales
// manager confirms his; the coordinator submits; the general manager
// approves; HR prints the publication list (人事公布单) at A4.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { login, switchUser } from './support/flow.mjs';
import { answerTo, steps } from './support/steps.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;

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

const step = steps('penalties', () => page);
const drawer = () => page.locator('.ant-drawer-content:visible').last();

/** A CSV file the import drawer takes. @param {string} text */
const sheet = (text) => ({ name: '人员基点.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

step('HR imports base points and bonuses: a wrong row is named and nothing is written, then the sheet goes in', async () => {
  await login(page, 'hr');
  await page.goto(`${baseUrl()}/hr/pay-basis`);
  await page.getByRole('heading', { level: 1, name: '人员基点' }).waitFor();
  const keeper = page.getByRole('row', { name: /马仓管/ });
  await keeper.getByText('未设置').first().waitFor();

  await page.getByRole('button', { name: /(^|\s)导入$/ }).click();
  const d = drawer();
  await d.waitFor();
  await d.locator('input[type=file]').setInputFiles(sheet('账号,姓名,班组,基点数,月绩效奖金\nwarehouse,马仓管,成品仓一组,1.2,2600\nnobody,,,1,1000\n'));
  const refused = await answerTo(page, /\/api\/v1\/pay-basis\/import$/, () => d.getByRole('button', { name: /试导入$/ }).click());
  assert.equal(refused.status(), 422, await refused.text());
  await d.getByText(/第 3 行/).waitFor();
  await screenshot(page, 'penalties-import-refused');

  await d.locator('input[type=file]').setInputFiles(sheet('账号,姓名,班组,基点数,月绩效奖金\nwarehouse,马仓管,成品仓一组,1.2,2600\nproduction,孙制造,冲压一班,1.5,3000\n'));
  const checked = await answerTo(page, /\/api\/v1\/pay-basis\/import$/, () => d.getByRole('button', { name: /试导入$/ }).click());
  assert.equal(checked.status(), 200, await checked.text());
  assert.equal((await checked.json()).dry_run, true);
  const done = await answerTo(page, /\/api\/v1\/pay-basis\/import$/, () => d.getByRole('button', { name: /(^|\s)导入$/ }).click());
  assert.equal(done.status(), 200, await done.text());
  const result = await done.json();
  assert.equal(result.dry_run, false);
  assert.equal(result.rows, 2);
  await keeper.getByText('2,600.00').waitFor();
  await screenshot(page, 'penalties-pay-basis');
});

step('the administrator raises the warning fine in the penalty rules (客诉罚则)', async () => {
  await switchUser(page, 'admin');
  await page.goto(`${baseUrl()}/settings?tab=penalty`);
  const field = page.getByLabel('每次申诫罚扣');
  await field.waitFor();
  await field.fill('450.00');
  const saved = await answerTo(page, '/api/v1/policies/penalty', () => page.getByRole('button', { name: /保存/ }).click(), 'PUT');
  assert.equal(saved.status(), 200, await saved.text());
  assert.equal((await saved.json()).warning_fine, '450.00');
  await screenshot(page, 'penalties-policy', { fullPage: false });
});

/** Last month as YYYY-MM, in the company's time zone. */
function lastMonth() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

let runId = 0;

/** Clicks a run action and its confirmation; the API's answer. @param {string} label @param {string} action */
async function runAction(label, action) {
  await page.getByRole('button', { name: label, exact: true }).first().click();
  const confirm = page.locator('.ant-popconfirm:visible').getByRole('button', { name: label });
  return answerTo(page, `/api/v1/penalty-runs/${runId}/actions/${action}`, () => confirm.click());
}

step("the coordinator starts last month's run", async () => {
  await switchUser(page, 'coordinator');
  await page.goto(`${baseUrl()}/penalties`);
  await page.getByRole('heading', { name: '启动月度罚扣' }).waitFor();
  // The picker opens on last month.
  await page.getByLabel('月份').waitFor();
  const started = await answerTo(page, '/api/v1/penalty-runs', () => page.getByRole('button', { name: '启动月度罚扣', exact: true }).click());
  assert.equal(started.status(), 201, await started.text());
  /** @type {{ id: number, month: string, items: { team_name?: string }[] }} */
  const run = await started.json();
  runId = run.id;
  assert.equal(run.month, lastMonth());
  assert.ok(run.items.some((i) => i.team_name === '冲压一班'), JSON.stringify(run.items));
  await page.waitForURL(new RegExp(`/penalties/${runId}`));
  await page.getByRole('heading', { name: `${lastMonth()} 客诉罚扣` }).waitFor();
  await screenshot(page, 'penalties-run-started');
});

step("the production head confirms his department's item on a phone", async () => {
  await switchUser(page, 'pmc');
  await page.setViewportSize(PHONE);
  await page.goto(`${baseUrl()}/penalties/${runId}`);
  const row = page.getByRole('row', { name: /冲压一班/ }).first();
  const confirmed = await answerTo(page, new RegExp(`/api/v1/penalty-runs/${runId}/items/\\d+/actions/confirm$`), () => row.getByRole('button', { name: '确认' }).click());
  assert.equal(confirmed.status(), 200, await confirmed.text());
  await row.getByText('已确认').waitFor();
  await screenshot(page, 'penalties-head-confirms-phone');
  await page.setViewportSize(DESKTOP);
});

step("the sales manager confirms his salesperson's share; the coordinator submits", async () => {
  await switchUser(page, 'sales_manager');
  await page.goto(`${baseUrl()}/penalties/${runId}`);
  const row = page.getByRole('row', { name: /钱业务/ }).first();
  const confirmed = await answerTo(page, new RegExp(`/api/v1/penalty-runs/${runId}/items/\\d+/actions/confirm$`), () => row.getByRole('button', { name: '确认' }).click());
  assert.equal(confirmed.status(), 200, await confirmed.text());
  await switchUser(page, 'coordinator');
  await page.goto(`${baseUrl()}/penalties/${runId}`);
  const submitted = await runAction('提交总经理核准', 'submit');
  assert.equal(submitted.status(), 200, await submitted.text());
  assert.equal((await submitted.json()).state, 'submitted');
});

step('the general manager approves: each person is charged and the ledger written', async () => {
  await switchUser(page, 'gm');
  await page.goto(`${baseUrl()}/penalties/${runId}`);
  const approved = await runAction('核准', 'approve');
  assert.equal(approved.status(), 200, await approved.text());
  /** @type {{ state: string, ledger: { display_name: string, charged: string }[] }} */
  const run = await approved.json();
  assert.equal(run.state, 'approved');
  const seller = run.ledger.find((l) => l.display_name === '钱业务');
  assert.ok(seller && seller.charged === '12450.00', JSON.stringify(run.ledger));
  await page.getByRole('tab', { name: '台账' }).click();
  await page.getByText('12,450.00').first().waitFor();
  await screenshot(page, 'penalties-approved-ledger');
});

step("the general manager prints the production department's notice (奖罚通知单) for its three copies", async () => {
  await page.getByRole('tab', { name: '奖罚通知单' }).click();
  await page.locator('.ant-select', { hasText: '全部部门' }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '制造部' }).first().click();
  await page.waitForURL(/department=\d+/);
  await page.getByRole('link', { name: /打印奖罚通知单/ }).click();
  await page.waitForURL(new RegExp(`/penalties/${runId}/notice/print\\?department=\\d+`));
  await page.getByRole('heading', { name: '奖罚通知单' }).waitFor();
  await page.getByRole('cell', { name: '冲压一班' }).first().waitFor();
  await page.getByText('第三联 罚扣部门').waitFor();
  await screenshot(page, 'penalties-notice-print');
});

step('HR publishes and prints the publication list (人事公布单) at A4', async () => {
  await switchUser(page, 'hr');
  await page.goto(`${baseUrl()}/penalties/${runId}`);
  const published = await runAction('公布', 'publish');
  assert.equal(published.status(), 200, await published.text());
  await page.getByRole('link', { name: /打印人事公布单/ }).click();
  await page.waitForURL(new RegExp(`/penalties/${runId}/publication/print`));
  await page.getByRole('columnheader', { name: '受处分单位/人员' }).waitFor();
  await page.getByRole('cell', { name: '钱业务' }).first().waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: '打印' }).isVisible(), false, 'the print button is hidden in print');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  await screenshot(page, 'penalties-publication-print');
  await page.emulateMedia({ media: 'screen' });
});
