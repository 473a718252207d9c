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

  await page.getByRole('button', { name: '导入', exact: true }).click();
  const d = drawer();
  await d.waitFor();
  await d.locator('input[type=file]').setInputFiles(sheet('账号,姓名,班组,基点数,月绩效奖金\nwarehouse,马仓管,成品仓一组,1.2,2600\nnobody,,,1,1000\n'));
  const refused = await answerTo(page, /\/api\/v1\/pay-basis\/import$/, () => d.getByRole('button', { name: '试导入' }).click());
  assert.equal(refused.status(), 422, await refused.text());
  await d.getByText(/第 3 行/).waitFor();
  await screenshot(page, 'penalties-import-refused');

  await d.locator('input[type=file]').setInputFiles(sheet('账号,姓名,班组,基点数,月绩效奖金\nwarehouse,马仓管,成品仓一组,1.2,2600\nproduction,孙制造,冲压一班,1.5,3000\n'));
  const checked = await answerTo(page, /\/api\/v1\/pay-basis\/import$/, () => d.getByRole('button', { name: '试导入' }).click());
  assert.equal(checked.status(), 200, await checked.text());
  assert.equal((await checked.json()).dry_run, true);
  const done = await answerTo(page, /\/api\/v1\/pay-basis\/import$/, () => d.getByRole('button', { name: '导入', exact: true }).click());
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
