// One complaint from intake to close, every step in the browser as the role
// that owns it (demo data, password kehu-demo-pass): what each role sees and
// may do, a validation error at its field, the tier preview, the approval on a
// phone, the language switch on the detail page. Screenshots of the key screens.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import {
  caseHeader,
  choose,
  expectState,
  isoDay,
  login,
  openAction,
  openCase,
  openTask,
  submitDrawer,
  switchLanguage,
  switchUser,
  visibleActions,
} from './support/flow.mjs';

const CUSTOMER = '苏州精密机械有限公司';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** The case under test. */
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

/**
 * The steps build on each other: once one fails, the rest are skipped
 * instead of each timing out on a case in the wrong state.
 * @param {string} name @param {() => Promise<void>} fn
 */
function step(name, fn) {
  test(name, async (t) => {
    if (failed) return t.skip(`an earlier step failed: ${failed}`);
    try {
      await fn();
    } catch (error) {
      failed = name;
      await screenshot(page, 'failed-step').catch(() => {});
      throw error;
    }
  });
}
let failed = '';

/** @param {string} label */
const fieldError = (label) =>
  page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');

step('sales files a complaint: an incomplete form shows the server messages at their fields', async () => {
  await login(page, 'sales');
  await page.getByRole('button', { name: '新建投诉' }).click();
  await page.waitForURL(/\/complaints\/new$/);
  await page.getByRole('heading', { level: 1, name: '新建投诉' }).waitFor();
  await choose(page, page, '客户', CUSTOMER);
  await screenshot(page, 'new-complaint-zh-CN');

  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.waitForURL(/\/complaints\/\d+\/edit$/);
  await page.getByRole('alert').filter({ hasText: '请检查标出的字段' }).waitFor();
  await fieldError('问题描述').filter({ hasText: '此项为必填' }).waitFor();
  await fieldError('交运日期').filter({ hasText: '此项为必填' }).waitFor();
  id = Number(/\/complaints\/(\d+)\/edit/.exec(page.url())?.[1]);
  assert.ok(id > 0, 'the draft was saved before the submit was refused');
  await screenshot(page, 'new-complaint-errors-zh-CN');
});

step('sales completes the form (defect rate derived) and submits it', async () => {
  await choose(page, page, '受理方式', '电话');
  await page.getByLabel('订单编号').fill('SO-E2E-0001');
  await page.getByLabel('料号 / 产品编号').fill('BRK-E2E');
  await page.getByLabel('规格').fill('Φ22×1.5 镀锌');
  await page.getByLabel('交运日期').fill(isoDay(5));
  await page.getByLabel('交运日期').press('Enter');
  await page.getByLabel('交运数量').fill('1000');
  await page.getByLabel('不良数量').fill('25');
  await page.getByTestId('defect-rate').filter({ hasText: '2.50%' }).waitFor();
  await page.getByLabel('发现环节').fill('来料检验');
  await page.getByLabel('发现环节').press('Tab');
  await page.getByLabel('问题描述').fill('边缘毛刺，装配卡滞');
  await page.getByLabel('索赔', { exact: true }).check();
  await page.getByLabel('索赔金额').fill('120000.00');
  await fieldError('问题描述').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.waitForURL(new RegExp(`/complaints/${id}$`));
  await expectState(page, '待登记');
  assert.deepEqual(await visibleActions(page), ['withdraw']);
  await screenshot(page, 'detail-submitted-zh-CN');
});

step('the coordinator registers it (general, quality) and the number is given', async () => {
  await switchUser(page, 'coordinator');
  await openTask(page, id);
  const drawer = await openAction(page, 'register');
  await drawer.getByLabel('一般', { exact: true }).check();
  await drawer.getByLabel('品质异常', { exact: true }).check();
  await submitDrawer(page, drawer, '登记编号');
  await expectState(page, '质量调查中');
  number = (await caseHeader(page).getByRole('heading', { level: 1 }).innerText()).trim();
  assert.match(number, /^\d{4}-\d{4,}$/);
});

step('QA concludes: defect verified, 制造部 冲压一班 responsible 100%', async () => {
  await switchUser(page, 'qa');
  await openTask(page, id);
  const drawer = await openAction(page, 'conclude_investigation');
  await drawer.getByLabel('是', { exact: true }).check();
  await drawer.getByLabel('原因', { exact: true }).fill('冲压模具磨损导致毛刺');
  await choose(page, drawer, '责任部门', '制造部');
  await choose(page, drawer, '班组', '冲压一班');
  await drawer.getByText('合计 100%').waitFor();
  await screenshot(page, 'action-conclude-zh-CN', { fullPage: false });
  await submitDrawer(page, drawer, '提交调查结论');
  await expectState(page, '待拟定对策');
  await page.locator('#section-investigation').getByText('制造部').first().waitFor();
});

step('production submits its countermeasures', async () => {
  await switchUser(page, 'production');
  await openTask(page, id);
  const drawer = await openAction(page, 'submit_countermeasure');
  await drawer.getByLabel('原因分析').fill('模具刃口磨损未及时更换');
  await drawer.getByLabel('临时措施').fill('库存全检，隔离不良品');
  await drawer.getByLabel('永久对策').fill('刃口每 5 万冲次检查一次');
  await submitDrawer(page, drawer, '提交对策');
  await expectState(page, '总经理室审查');
});

step('the coordinator forwards it to sales', async () => {
  await switchUser(page, 'coordinator');
  await openTask(page, id);
  const drawer = await openAction(page, 'forward_to_sales');
  await drawer.getByLabel('说明').fill('请业务拟定处理意见');
  await submitDrawer(page, drawer, '转业务拟处理');
  await expectState(page, '待拟处理意见');
});

step('sales proposes a compensation of 120,000.00 (live total)', async () => {
  await switchUser(page, 'sales');
  await openTask(page, id);
  const drawer = await openAction(page, 'propose_resolution');
  await drawer.getByLabel('金额', { exact: true }).fill('120000.00');
  await drawer.getByTestId('settlement-total').filter({ hasText: '¥120,000.00' }).waitFor();
  await screenshot(page, 'action-propose-zh-CN', { fullPage: false });
  await submitDrawer(page, drawer, '提交处理意见');
  await expectState(page, '综合意见');
  await page.locator('#section-resolution').getByTestId('settlement-total').filter({ hasText: '¥120,000.00' }).waitFor();
});

step('the coordinator submits it for approval and sees where it routes', async () => {
  await switchUser(page, 'coordinator');
  await openTask(page, id);
  const drawer = await openAction(page, 'submit_for_approval');
  await drawer.getByTestId('tier-preview').filter({ hasText: '将提交副总经理核决 — 合计 ¥120,000.00' }).waitFor();
  await drawer.getByLabel('综合意见（业务与工厂）').fill('同意业务意见，按索赔处理');
  await screenshot(page, 'action-submit-for-approval-zh-CN', { fullPage: false });
  await submitDrawer(page, drawer, '呈核');
  await expectState(page, '待核决');
  await page.locator('#section-approval').getByText('副总经理').waitFor();
  await screenshot(page, 'detail-pending-approval-zh-CN');
});

step('the sales manager can read the case but has no approve button', async () => {
  await switchUser(page, 'sales_manager');
  await openCase(page, id);
  await expectState(page, '待核决');
  const actions = await visibleActions(page);
  assert.ok(!actions.includes('approve'), `sales_manager sees ${actions.join(', ')}`);
  assert.equal(await page.locator('.kehu-approval-banner').count(), 0);
});

step('the deputy GM approves it on a phone from the sticky action bar', async () => {
  await switchUser(page, 'deputy_gm');
  await openTask(page, id);
  await page.setViewportSize(PHONE);
  await page.locator('.kehu-approval-banner').filter({ hasText: '¥120,000.00' }).waitFor();
  const bar = page.getByRole('toolbar', { name: '可执行的操作' });
  await bar.getByRole('button', { name: '核准', exact: true }).waitFor();
  await bar.getByRole('button', { name: '驳回', exact: true }).waitFor();
  await screenshot(page, 'approval-phone-zh-CN', { fullPage: false });
  const drawer = await openAction(page, 'approve');
  await drawer.getByLabel('核决意见').fill('同意');
  await submitDrawer(page, drawer, '核准');
  await expectState(page, '客户交涉中');
  await page.setViewportSize(DESKTOP);
  await page.locator('#section-approval').getByText('已核准').waitFor();
});

step('sales records that the customer accepted', async () => {
  await switchUser(page, 'sales');
  await openTask(page, id);
  const drawer = await openAction(page, 'record_outcome');
  await drawer.getByLabel('客户接受', { exact: true }).check();
  await submitDrawer(page, drawer, '登记交涉结果');
  await expectState(page, '待业务主管会签');
});

step("the sales supervisor countersigns the customer's outcome on a phone", async () => {
  await switchUser(page, 'supervisor');
  await page.setViewportSize(PHONE);
  await openTask(page, id);
  const drawer = await openAction(page, 'countersign');
  await drawer.getByTestId('next-step').getByText(/待结案/).waitFor();
  await drawer.getByLabel('说明').fill('已核对客户签收, 同意结案');
  await submitDrawer(page, drawer, '会签');
  await expectState(page, '待结案');
  await page.setViewportSize(DESKTOP);
  await page.locator('#section-outcome').getByTestId('outcome-countersign').getByText('郭主管').waitFor();
});

step('the coordinator closes it: 已结案', async () => {
  await switchUser(page, 'coordinator');
  await openTask(page, id);
  const drawer = await openAction(page, 'close');
  await submitDrawer(page, drawer, '结案');
  await expectState(page, '已结案');
  await caseHeader(page).getByText('已处理结案').waitFor();
  assert.deepEqual(await visibleActions(page), []);
  await screenshot(page, 'detail-closed-zh-CN');
});

step('the detail page switches language', async () => {
  await switchLanguage(page, 'English', 'en');
  await expectState(page, 'Closed');
  await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
  assert.equal(await caseHeader(page).getByRole('heading', { level: 1 }).innerText(), number);
  await screenshot(page, 'detail-closed-en');
  await switchLanguage(page, '简体中文', 'zh-CN');
  await expectState(page, '已结案');
});

step("the month's statistics table counts the closed case; sales may not read it", async () => {
  // The case closed just now, in the company's month (the demo company is in Shanghai time).
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报表' }).click();
  await page.getByRole('heading', { level: 1, name: '报表' }).waitFor();
  await page.goto(`${baseUrl()}/reports?month=${month}`);
  await page.getByRole('heading', { level: 2, name: `客户投诉案件统计表（${month} 结案）` }).waitFor();
  const customers = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: /^客户$/ }) });
  await customers.getByRole('link', { name: CUSTOMER }).waitFor();
  const closed = page.locator('.ant-statistic').filter({ hasText: '结案件数' }).locator('.ant-statistic-content');
  assert.ok(Number((await closed.innerText()).replace(/\D/g, '')) >= 1);
  await screenshot(page, 'reports-monthly-zh-CN');
  await switchUser(page, 'sales');
  await page.goto(`${baseUrl()}/reports?month=${month}`);
  await page.getByText(/投诉统计表仅供/).waitFor();
});
