// Customer care in the browser, each step as the role that owns it (demo
// data, password kehu-demo-pass): credit terms through an investigation and
// the sales manager's approval (C-0002), a visit planned, recorded, reported
// and reviewed (C-0003), a survey answered through its public link with a
// poor quality score that QA follows up, and the archive clerk's export and
// import. Uses C-0002, C-0003 and a new imported customer only (owned by
// sales2): C-0001 and the other specs' data are left alone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { choose, login, switchUser } from './support/flow.mjs';

const C2 = '宁波汽配制造有限公司';
const C3 = 'Hanse Automotive GmbH';
const IMPORTED = '温州新达电器有限公司';

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** The survey link sales created. */
let surveyUrl = '';

before(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
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
      await screenshot(page, 'failed-customer-care-step').catch(() => {});
      throw error;
    }
  });
}

/** A screenshot once spinners and popups have settled. @param {import('playwright-core').Page} p @param {string} name @param {{ fullPage?: boolean }} [options] */
async function shot(p, name, { fullPage = true } = {}) {
  await p.locator('.ant-spin-spinning, .ant-spin-blur').first().waitFor({ state: 'detached' });
  await p.waitForFunction(() => Array.from(document.querySelectorAll('.ant-spin-container')).every((e) => getComputedStyle(e).opacity === '1'));
  await p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'detached' });
  await p.locator('.ant-dropdown:not(.ant-dropdown-hidden)').first().waitFor({ state: 'detached' });
  if (fullPage) await p.evaluate(() => window.scrollTo(0, 0));
  await screenshot(p, name, { fullPage });
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

/** @param {import('playwright-core').Locator} drawer @param {string} label */
async function submitDrawer(drawer, label) {
  await drawer.locator('.ant-drawer-footer').getByRole('button', { name: label, exact: true }).click();
  await drawer.waitFor({ state: 'detached' });
}

/** Opens a customer's record from the list, at one of its tabs. @param {string} name @param {string} tab */
async function openRecord(name, tab) {
  await page.goto(`${baseUrl()}/customers?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name }).first().click();
  await heading(name).waitFor();
  await page.getByRole('tab', { name: tab, exact: true }).click();
}

step('sales adds a credit investigation to C-0002 and asks for 30-day payment terms', async () => {
  await login(page, 'sales');
  await openRecord(C2, '信用');
  await page.getByRole('button', { name: '添加信用调查' }).click();
  let drawer = await openDrawer();
  await drawer.getByLabel('调查结论').fill('近两年回款及时，无逾期；工商信息正常。');
  await drawer.getByLabel('建议额度').fill('500000');
  await submitDrawer(drawer, '保存');
  await page.getByText('信用调查已记录。').waitFor();
  await page.locator('.ant-table-row', { hasText: '近两年回款及时' }).waitFor();

  await page.getByRole('button', { name: '申请变更' }).click();
  drawer = await openDrawer();
  await drawer.getByLabel('账期').fill('30');
  await drawer.locator('.ant-select-selection-item', { hasText: '近两年回款及时' }).waitFor();
  await drawer.getByLabel('理由', { exact: true }).fill('客户年采购额增长，申请 30 天账期');
  await shot(page, 'customer-credit-request-zh-CN', { fullPage: false });
  await submitDrawer(drawer, '提交申请');
  await page.getByText('申请已提交，等待业务部经理审批。').waitFor();
  await page.locator('.ant-table-row', { hasText: '待审批' }).waitFor();
  await shot(page, 'customer-credit-zh-CN');
});

step('the sales manager approves it on the 审批 page; the record shows 30 天', async () => {
  await switchUser(page, 'sales_manager');
  await page.goto(`${baseUrl()}/customers`);
  await sectionNav().getByRole('link', { name: '审批' }).click();
  await heading('信用与注销审批').waitFor();
  const row = page.locator('.ant-table-row', { hasText: C2 });
  await row.getByText('30 天', { exact: true }).waitFor();
  await shot(page, 'customer-requests-zh-CN');
  await row.getByRole('button', { name: '批准', exact: true }).click();
  const drawer = await openDrawer();
  await submitDrawer(drawer, '批准');
  await page.getByText(`已批准：${C2}`).waitFor();

  await openRecord(C2, '信用');
  await page.getByTestId('payment-terms').filter({ hasText: '30 天' }).waitFor();
});

step('sales plans a visit to C-0003 and records it with sales3', async () => {
  await switchUser(page, 'sales');
  await openRecord(C3, '回访');
  await page.getByRole('button', { name: '制订回访计划' }).click();
  let drawer = await openDrawer();
  await drawer.getByLabel('回访目的').fill('年度合作回顾与新品介绍');
  await submitDrawer(drawer, '制订回访计划');
  await page.getByText('回访计划已保存。').waitFor();

  const row = page.locator('.ant-table-row', { hasText: '年度合作回顾与新品介绍' });
  await row.getByRole('button', { name: '登记回访记录' }).click();
  drawer = await openDrawer();
  await choose(page, drawer, '参加人员', '钱业务');
  await drawer.getByLabel('回访记录', { exact: true }).fill('客户对交期满意，提出明年增加 20% 采购量。');
  await drawer.getByLabel('费用', { exact: true }).fill('800');
  await shot(page, 'customer-visit-record-zh-CN', { fullPage: false });
  await submitDrawer(drawer, '登记回访记录');
  await page.getByText('回访记录已登记。').waitFor();
  await row.getByText('待报告').waitFor();
  await shot(page, 'customer-visits-zh-CN');
});

step('sales3 submits the visit report', async () => {
  await switchUser(page, 'sales3');
  await page.goto(`${baseUrl()}/customers/visits`);
  await heading('客户回访').waitFor();
  const row = page.locator('.ant-table-row', { hasText: C3 });
  await row.getByRole('button', { name: '提交回访报告' }).click();
  const drawer = await openDrawer();
  await drawer.getByLabel('回访报告').fill('客户计划明年扩产，建议优先保障其交期。');
  await submitDrawer(drawer, '提交回访报告');
  await page.getByText('回访报告已提交。').waitFor();
});

step('the sales manager reviews it', async () => {
  await switchUser(page, 'sales_manager');
  await page.goto(`${baseUrl()}/customers/visits?view=to_review`);
  const row = page.locator('.ant-table-row', { hasText: C3 });
  await row.getByText('待审阅').waitFor();
  await shot(page, 'customer-visits-to-review-zh-CN');
  await row.getByRole('button', { name: '审阅' }).click();
  const drawer = await openDrawer();
  await drawer.getByLabel('审阅意见').fill('同意，跟进扩产需求。');
  await submitDrawer(drawer, '审阅');
  await page.getByText('已审阅。').waitFor();
  await page.locator('.ant-segmented-item', { hasText: '回访达标' }).click();
  await page.getByText('只看落后').waitFor();
  await shot(page, 'customer-visit-coverage-zh-CN');
});

step('sales creates a survey link for C-0002', async () => {
  await switchUser(page, 'sales');
  await openRecord(C2, '满意度');
  await page.getByRole('button', { name: '生成调查链接' }).click();
  const drawer = await openDrawer();
  await drawer.getByLabel('产品').fill('刹车盘');
  await drawer.locator('.ant-drawer-footer').getByRole('button', { name: '生成调查链接' }).click();
  const url = drawer.getByTestId('survey-url');
  await url.waitFor();
  surveyUrl = await url.inputValue();
  assert.match(surveyUrl, /\/survey\/[^/]+$/);
  assert.ok(surveyUrl.startsWith(baseUrl()), surveyUrl);
  await shot(page, 'customer-survey-link-zh-CN', { fullPage: false });
  await drawer.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'detached' });
});

step('the customer answers it without logging in: 产品质量 不满意', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  context.setDefaultTimeout(15_000);
  const phone = await context.newPage();
  try {
    await phone.goto(surveyUrl);
    await phone.getByRole('heading', { level: 1, name: `${C2} · 满意度调查` }).waitFor();
    await phone.getByText('刹车盘').waitFor();
    for (const [dimension, level] of [
      ['产品质量', '不满意'],
      ['交货期', '很满意'],
      ['价格', '比较满意'],
      ['服务', '很满意'],
      ['与同行比较', '基本满意'],
      ['其他', '很满意'],
    ]) {
      await phone.getByRole('group', { name: dimension, exact: true }).getByLabel(level, { exact: true }).check();
    }
    await phone.getByLabel('产品质量的意见').fill('上批刹车盘有毛刺');
    await phone.getByLabel('填写人').fill('李娜');
    await shot(phone, 'survey-public-zh-CN');
    await phone.getByRole('button', { name: '提交' }).click();
    await phone.getByText('感谢您的反馈！').waitFor();
    await shot(phone, 'survey-public-thanks-zh-CN', { fullPage: false });
    await phone.reload();
    await phone.getByText('此调查已填写').waitFor();
  } finally {
    await context.close();
  }
});

step('QA sees the follow-up and closes it', async () => {
  await switchUser(page, 'qa');
  await page.goto(`${baseUrl()}/customers/surveys`);
  await heading('满意度调查').waitFor();
  // QA may not read the customer's record (秘密): the queue names it by its code.
  const row = page.locator('.ant-table-row', { hasText: 'C-0002' }).filter({ hasText: '产品质量' });
  await row.getByText('1 不满意').waitFor();
  assert.equal(await page.locator('.ant-table-row', { hasText: C2 }).count(), 0);
  await shot(page, 'customer-surveys-zh-CN');
  await row.getByRole('button', { name: '关闭跟进' }).click();
  const drawer = await openDrawer();
  await drawer.getByLabel('处理结果').fill('已加严去毛刺工序检验，下批随货附检验报告。');
  await submitDrawer(drawer, '关闭跟进');
  await page.getByText('跟进已关闭。').waitFor();
});

step('marketing exports the list and imports a file: a bad row first, then a good one', async () => {
  await switchUser(page, 'marketing');
  await page.goto(`${baseUrl()}/customers`);
  await heading('客户档案').waitFor();
  await page.getByRole('button', { name: '导出' }).hover();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: '导出 CSV' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.csv$/);

  const header = '客户名称,客户性质,内外销,客户类别,区域,业务员账号,联系人,联系电话';
  const good = `${IMPORTED},法人客户,内销,一般客户,华东,sales2,林青,0577-8888 0001`;
  const bad = `瑞安顺通配件厂,法人客户,内销,超级客户,华东,sales2,陈平,0577-8888 0002`;
  await page.getByRole('button', { name: '导入' }).click();
  const drawer = await openDrawer();
  const input = drawer.locator('input[type=file]');
  await input.setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n${bad}\n`) });
  await drawer.getByRole('button', { name: '检查' }).click();
  const errors = drawer.getByTestId('import-errors');
  await errors.locator('.ant-table-row', { hasText: '客户类别' }).waitFor();
  await shot(page, 'customer-import-errors-zh-CN', { fullPage: false });

  await input.setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n`) });
  await drawer.getByRole('button', { name: '检查' }).click();
  await drawer.getByText('检查通过，可以导入：').waitFor();
  await shot(page, 'customer-import-checked-zh-CN', { fullPage: false });
  await drawer.locator('.ant-drawer-footer').getByRole('button', { name: '导入', exact: true }).click();
  await drawer.waitFor({ state: 'detached' });
  await page.getByText('导入完成：新增 1，更新 0，未变 0。').waitFor();
  await page.getByRole('link', { name: IMPORTED }).waitFor();
});

step('the customer reports', async () => {
  await sectionNav().getByRole('link', { name: '报表' }).click();
  await heading('客户报表').waitFor();
  await page.getByText('客户等级分布').waitFor();
  await shot(page, 'customer-reports-zh-CN');
});
