// The customer archive in the browser, each step as the role that owns it
// (demo data, password kehu-demo-pass): sales3 registers a customer (live
// duplicate check, one contact), the sales manager approves it from the review
// queue, sales2 borrows C-0002 with the general manager's approval, and the
// sales manager hands sales3 over to sales, deactivating the account.
// Uses sales3, sales2, C-0002 and a new customer only: `sales` keeps its
// customers (screens.spec.mjs relies on that) and C-0001 is left alone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { choose, login, logout, PASSWORD, switchLanguage, switchUser } from './support/flow.mjs';

const NAME = '常州恒力新材料有限公司';
const CONTACT = '周敏';
const PHONE = '0519-8000 0099';

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** The registered customer's id. */
let id = 0;

before(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
});

after(async () => {
  await browser?.close();
});

let failed = '';
/** Steps build on each other: after a failure the rest are skipped. @param {string} name @param {() => Promise<void>} fn */
function step(name, fn) {
  test(name, async (t) => {
    if (failed) return t.skip(`an earlier step failed: ${failed}`);
    try {
      await fn();
    } catch (error) {
      failed = name;
      await screenshot(page, 'failed-customers-step').catch(() => {});
      throw error;
    }
  });
}

/**
 * A screenshot once spinners and popups have settled; full-page ones from
 * the top, so the sticky bars sit where they belong.
 * @param {string} name @param {{ fullPage?: boolean }} [options]
 */
async function shot(name, { fullPage = true } = {}) {
  await page.locator('.ant-spin-spinning, .ant-spin-blur').first().waitFor({ state: 'detached' });
  // A table that has just loaded fades back in.
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.ant-spin-container')).every((e) => getComputedStyle(e).opacity === '1'));
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'detached' });
  await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').first().waitFor({ state: 'detached' });
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name, { fullPage });
}

/** @param {string} name */
const heading = (name) => page.getByRole('heading', { level: 1, name });
const sectionNav = () => page.getByRole('navigation', { name: '客户档案' });

/** Waits for the open drawer to finish sliding in. */
async function openDrawer() {
  const drawer = page.locator('.kehu-action-drawer .ant-drawer-content');
  await drawer.waitFor();
  await page.waitForFunction(() => {
    const wrapper = document.querySelector('.kehu-action-drawer .ant-drawer-content-wrapper');
    return !!wrapper && !/motion/.test(wrapper.className);
  });
  return drawer;
}

/**
 * Changes a Select that already shows a value (its selection covers the
 * input `choose` would click). @param {string} label @param {string} option
 */
async function change(label, option) {
  const field = page.locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) });
  await field.locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  await field.locator('.ant-select-selection-item', { hasText: option }).waitFor();
}

/** @param {import('playwright-core').Locator} drawer @param {string} label */
async function submitDrawer(drawer, label) {
  await drawer.locator('.ant-drawer-footer').getByRole('button', { name: label, exact: true }).click();
  await drawer.waitFor({ state: 'detached' });
}

step('sales3 registers a customer: a duplicate name is flagged while typing, one contact', async () => {
  await login(page, 'sales3');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '客户' }).click();
  await heading('客户档案').waitFor();
  await page.getByRole('button', { name: '登记新客户' }).first().click();
  await page.waitForURL(/\/customers\/new$/);
  await heading('登记新客户').waitFor();

  await page.getByLabel('客户名称').fill('苏州精密机械股份有限公司');
  await page.getByTestId('duplicates').filter({ hasText: '已有同名客户 C-0001 苏州精密机械有限公司，归属 张业务（已建档）' }).waitFor();
  await shot('customer-form-duplicate-zh-CN', { fullPage: false });

  await page.getByLabel('客户名称').fill(NAME);
  await page.getByTestId('duplicates').waitFor({ state: 'detached' });
  await change('客户类别', '目标客户');
  await page.getByLabel('区域').fill('华东');
  await page.getByLabel('经营业种').fill('新材料');
  await page.getByLabel('地址').fill('常州市武进区');
  await page.getByLabel('法人代表').fill('周建');
  const contact = page.getByRole('group', { name: '联系人 1' });
  await contact.getByLabel('姓名').fill(CONTACT);
  await contact.getByLabel('职务').fill('采购经理');
  await contact.getByLabel('电话').fill(PHONE);
  await shot('customer-form-zh-CN');

  await page.getByRole('button', { name: '提交审核' }).click();
  await page.waitForURL(/\/customers\/\d+$/);
  id = Number(/\/customers\/(\d+)$/.exec(page.url())?.[1]);
  assert.ok(id > 0);
  await heading(NAME).waitFor();
  await page.getByTestId('customer-tags').getByText('待审核').waitFor();
  await page.getByText('客户信息登记表已提交，等待部门经理审核。').waitFor();
  assert.equal(await page.locator('button[data-action="review"]').count(), 0, 'the submitter does not review');
  await page.locator('#section-contacts').getByText(PHONE).waitFor();
  await shot('customer-detail-pending-zh-CN');
});

step('the sales manager opens the review queue and approves the registration', async () => {
  await switchUser(page, 'sales_manager');
  await page.goto(`${baseUrl()}/customers`);
  await heading('客户档案').waitFor();
  await shot('customers-zh-CN');
  await sectionNav().getByRole('link', { name: /^待审核/ }).click();
  await page.waitForURL(/status=pending_review/);
  await page.getByRole('link', { name: NAME }).waitFor();
  await shot('customers-review-queue-zh-CN');
  await page.getByRole('link', { name: NAME }).click();
  await heading(NAME).waitFor();

  await page.locator('button[data-action="review"]').click();
  const drawer = await openDrawer();
  await drawer.getByTestId('next-step').filter({ hasText: '核准后客户正式建档' }).waitFor();
  await shot('customer-review-zh-CN', { fullPage: false });
  await submitDrawer(drawer, '核准');
  await page.getByText('已核准：客户已建档。').waitFor();
  await page.getByTestId('customer-tags').getByText('已建档').waitFor();

  await page.getByRole('tab', { name: '变更记录' }).click();
  await page.locator('.kehu-change', { hasText: '待审核 → 已建档' }).waitFor();
  await shot('customer-detail-zh-CN');
});

step('sales2 (another department) asks to read C-0002 by its code', async () => {
  await switchUser(page, 'sales2');
  await page.goto(`${baseUrl()}/customers`);
  await heading('客户档案').waitFor();
  await page.getByRole('button', { name: '申请借阅' }).click();
  const drawer = await openDrawer();
  await drawer.getByLabel('客户编号').fill('C-0002');
  await drawer.getByLabel('借阅理由').fill('客户来电询价，需查看历史报价与联系人');
  await shot('customer-access-request-zh-CN', { fullPage: false });
  await submitDrawer(drawer, '提交申请');
  await page.getByText('已提交 C-0002 的借阅申请，等待总经理审批。').waitFor();
});

step('the general manager approves it on the access page', async () => {
  await switchUser(page, 'gm');
  await page.goto(`${baseUrl()}/customers/access`);
  await heading('档案借阅申请').waitFor();
  const row = page.locator('.ant-table-row', { hasText: 'C-0002' });
  await row.getByText('王业务').waitFor();
  await shot('customer-access-zh-CN');
  await row.getByRole('button', { name: '批准', exact: true }).click();
  const drawer = await openDrawer();
  await submitDrawer(drawer, '批准');
  await page.getByText('已批准 王业务 借阅 C-0002。').waitFor();
});

step('sales2 opens C-0002 under the approved request; the read is on record', async () => {
  await switchUser(page, 'sales2');
  await page.goto(`${baseUrl()}/customers/access`);
  const row = page.locator('.ant-table-row', { hasText: 'C-0002' });
  await row.getByText('已批准').waitFor();
  await row.getByText(/^有效期至/).waitFor();
  await row.getByRole('link', { name: /C-0002/ }).click();
  await heading('宁波汽配制造有限公司').waitFor();
  await page.getByTestId('access-note').filter({ hasText: '借阅授权' }).waitFor();
  assert.equal(await page.locator('button[data-action="edit"]').count(), 0, 'a borrower reads only');
});

step('the sales manager hands sales3 over to sales and deactivates the account', async () => {
  await switchUser(page, 'sales_manager');
  await page.goto(`${baseUrl()}/customers`);
  await sectionNav().getByRole('link', { name: '离职交接' }).click();
  await heading('离职交接').waitFor();
  await choose(page, page, '离职人员', '钱业务');
  const preview = page.getByTestId('handover-preview');
  await preview.waitFor();
  await page.locator('.ant-table-row', { hasText: NAME }).waitFor();
  await choose(page, page, '接收的业务员', '张业务');
  await page.getByLabel('同时停用账号').check();
  await shot('customer-handover-zh-CN');
  await page.getByRole('button', { name: '确认交接' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认交接' }).click();

  const result = page.getByTestId('handover-result');
  await result.getByText('已完成离职交接：钱业务 → 张业务').waitFor();
  await result.getByText('钱业务 的账号已停用。').waitFor();
  const notify = result.locator('.ant-table-row', { hasText: NAME });
  await notify.getByText(CONTACT).waitFor();
  await notify.getByText(PHONE).waitFor();
  await shot('customer-handover-result-zh-CN');
});

step('the record in English: now owned by sales', async () => {
  await page.goto(`${baseUrl()}/customers/${id}`);
  await heading(NAME).waitFor();
  await switchLanguage(page, 'English', 'en');
  await page.getByTestId('customer-tags').getByText('Archived').waitFor();
  await page.getByText('Salesperson: 张业务').waitFor();
  await shot('customer-detail-en');
  await page.goto(`${baseUrl()}/customers`);
  await heading('Customer archive').waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  await shot('customers-en');
  await switchLanguage(page, '简体中文', 'zh-CN');
  await heading('客户档案').waitFor();
});

step('on a phone the customer list is cards', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${baseUrl()}/customers`);
  await page.locator('.kehu-cards .kehu-card', { hasText: NAME }).waitFor();
  assert.equal(await page.locator('.ant-table').count(), 0);
  await shot('customers-phone-zh-CN', { fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });
});

step('sales3 can no longer sign in', async () => {
  await logout(page);
  await page.getByLabel('用户名').fill('sales3');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
  assert.match(page.url(), /\/login/);
});
