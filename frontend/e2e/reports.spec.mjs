// The reports (报表) in the browser, as the coordinator (demo data, password
// kehu-demo-pass): from the monthly table the reports' own navigation opens
// 客户投诉周报, which shows the last ended week's figures and the two tables
// with their 合计 rows; 导出 Excel saves 客户投诉周报-<Monday>.xlsx; back on
// the monthly table (the month under way by default) the month's open cases
// show apart; the weekly report prints on A4 without the app's navigation; on
// a phone it still shows its figures.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { SCREENSHOT_DIR, baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { login } from './support/flow.mjs';
import { steps } from './support/steps.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WEEKLY = '/api/v1/complaints/statistics/weekly';
const MONTHLY = '/api/v1/complaints/statistics/monthly';

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @typedef {{ key: string, registered: number, closed: number }} WeekRow */
/**
 * What the server answered for the week shown.
 * @type {{ week: string, last_day: string, due_on: string, registered: number, closed: number, first_closures: number,
 *   first_closure_rate_percent?: string | null, overdue: number, irrational_first: number, irrational_second: number,
 *   irrational_share_percent?: string | null, by_kind: WeekRow[], by_severity: WeekRow[] }}
 */
let week;
/** What the server answered for the monthly table. @type {{ month: string, open: number, open_overdue: number }} */
let month;

before(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: DESKTOP, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
});

after(async () => {
  await browser?.close();
});

const step = steps('reports', () => page);

/** 1234 -> "1,234", as the page writes counts in zh-CN. @param {number} n */
const grouped = (n) => new Intl.NumberFormat('zh-CN').format(n);
/** "66.67" -> "66.67%", none -> "—". @param {string | null | undefined} p */
const percent = (p) => (p ? `${p}%` : '—');

/** The next GET of `path`. @param {string} path */
function nextGet(path) {
  return page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === path);
}

/** The reports' own navigation: 月报 · 周报 (· 客诉金额明细). */
const reportsNav = () => page.getByRole('navigation', { name: '报表', exact: true });
const mainNav = () => page.getByRole('navigation', { name: '主导航' });

/** The month under way by the browser's clock, as the page counts it. */
const currentMonth = () =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });

/** The weekly report's figures and its two tables agree with the server's answer. */
async function expectWeek() {
  await page.getByTestId('weekly-period').filter({ hasText: `统计周期：${week.week} 至 ${week.last_day}` }).waitFor();
  await page.getByTestId('weekly-due').filter({ hasText: `报告日：${week.due_on}` }).waitFor();
  const figures = page.getByTestId('weekly-figures');
  for (const title of ['受理件数', '结案件数', '一次关闭件数', '一次关闭率', '逾期未结件数', '一次非理性抱怨', '二次非理性抱怨', '非理性抱怨比例']) {
    await figures.getByText(title, { exact: true }).waitFor();
  }
  /** @type {[string, string][]} */
  const shown = [
    ['weekly-registered', grouped(week.registered)],
    ['weekly-closed', grouped(week.closed)],
    ['weekly-first-closures', grouped(week.first_closures)],
    ['weekly-first-closure-rate', percent(week.first_closure_rate_percent)],
    ['weekly-overdue', grouped(week.overdue)],
    ['weekly-irrational-first', grouped(week.irrational_first)],
    ['weekly-irrational-second', grouped(week.irrational_second)],
    ['weekly-irrational-share', percent(week.irrational_share_percent)],
  ];
  for (const [testId, text] of shown) assert.equal(await page.getByTestId(testId).textContent(), text, testId);

  await page.getByRole('heading', { level: 2, name: '按异常类别' }).waitFor();
  await page.getByRole('heading', { level: 2, name: '按严重程度' }).waitFor();
  const totals = page.getByRole('row', { name: /^合计/ });
  assert.equal(await totals.count(), 2, 'a 合计 row under each table');
  for (const [i, rows] of [week.by_kind, week.by_severity].entries()) {
    const registered = rows.reduce((sum, r) => sum + r.registered, 0);
    const closed = rows.reduce((sum, r) => sum + r.closed, 0);
    assert.equal(registered, week.registered, 'every registered case has a row');
    assert.equal(closed, week.closed, 'every closed case has a row');
    const cells = (await totals.nth(i).getByRole('cell').allTextContents()).map((c) => c.trim());
    assert.deepEqual(cells, ['合计', grouped(registered), grouped(closed)]);
  }
}

step('the coordinator opens 周报 from the reports navigation and sees the week’s figures', async () => {
  await login(page, 'coordinator');
  const monthly = nextGet(MONTHLY);
  await mainNav().getByRole('link', { name: '报表', exact: true }).click();
  await page.waitForURL(/\/reports$/);
  const monthAnswer = await monthly;
  assert.equal(monthAnswer.status(), 200, await monthAnswer.text());
  month = await monthAnswer.json();
  assert.equal(new URL(monthAnswer.url()).searchParams.get('month'), await currentMonth(), 'the month under way by default');

  const weekly = nextGet(WEEKLY);
  await reportsNav().getByRole('link', { name: '周报', exact: true }).click();
  await page.waitForURL(/\/reports\/weekly$/);
  await page.getByRole('heading', { level: 1, name: '客户投诉周报' }).waitFor();
  const answer = await weekly;
  assert.equal(answer.status(), 200, await answer.text());
  assert.equal(new URL(answer.url()).searchParams.get('week'), null, 'no week asked: the server’s last ended week');
  week = await answer.json();
  await expectWeek();
  await screenshot(page, 'reports-weekly');
});

step('the week under way, picked by its address, holds the demo’s cases in its rows', async () => {
  // Today on the demo company's clock (Beijing), where the seed's cases were registered.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const weekly = nextGet(WEEKLY);
  await page.goto(`${baseUrl()}/reports/weekly?week=${today}`);
  const answer = await weekly;
  assert.equal(answer.status(), 200, await answer.text());
  const current = await answer.json();
  assert.ok(current.registered > 0, `the demo registers cases this week (got ${current.registered})`);
  assert.ok(current.by_kind.length > 0 && current.by_severity.length > 0, 'with rows by kind and severity');
  week = current;
  await expectWeek();
  // Back to the last week that has ended, for the steps below.
  const last = nextGet(WEEKLY);
  await page.goto(`${baseUrl()}/reports/weekly`);
  week = await (await last).json();
  await expectWeek();
});

step('导出 Excel saves the week as 客户投诉周报-<Monday>.xlsx', async () => {
  const exported = page.waitForResponse((r) => new URL(r.url()).pathname === `${WEEKLY}/export`);
  const downloading = page.waitForEvent('download');
  // Awaited below; a failed export is reported by its answer's status first.
  downloading.catch(() => {});
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const answer = await exported;
  assert.equal(answer.status(), 200, `export answered ${answer.status()}`);
  assert.equal(new URL(answer.url()).searchParams.get('week'), week.week, 'the export takes the week shown');
  const download = await downloading;
  const name = download.suggestedFilename();
  assert.ok(name.includes('客户投诉周报'), `named after the report: ${name}`);
  assert.equal(name, `客户投诉周报-${week.week}.xlsx`);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip archive');
  assert.equal(await page.getByRole('alert').count(), 0, 'no export error is shown');
});

step('the monthly table opens on the month under way with its open cases apart', async () => {
  await reportsNav().getByRole('link', { name: '月报', exact: true }).click();
  await page.waitForURL(/\/reports$/);
  const current = await currentMonth();
  await page.getByRole('heading', { level: 2, name: `客户投诉案件统计表（${current} 结案）` }).waitFor();
  const open = page.getByTestId('monthly-open');
  await open.getByRole('heading', { level: 2, name: '本月受理未结案件' }).waitFor();
  await open.getByText('件数', { exact: true }).waitFor();
  await open.getByText('其中逾期', { exact: true }).waitFor();
  const figures = (await open.locator('.ant-statistic-content').allTextContents()).map((t) => t.trim());
  assert.deepEqual(figures, [grouped(month.open), grouped(month.open_overdue)]);
  await page.getByRole('button', { name: '导出 Excel' }).waitFor();
  await page.getByRole('button', { name: '打印' }).waitFor();
});

step('the weekly report prints on A4 without the navigation', async () => {
  await reportsNav().getByRole('link', { name: '周报', exact: true }).click();
  await page.waitForURL(/\/reports\/weekly$/);
  await expectWeek();
  const signOff = page.getByText('制表：＿＿＿＿');
  assert.equal(await signOff.isVisible(), false, 'the sign-off line is for paper only');
  assert.ok(await mainNav().isVisible(), 'the side navigation on screen');

  await page.emulateMedia({ media: 'print' });
  await mainNav().waitFor({ state: 'hidden' });
  assert.equal(await page.locator('.kehu-sider').isVisible(), false, 'no side navigation in print');
  assert.equal(await page.getByRole('banner').isVisible(), false, 'no top bar in print');
  assert.equal(await reportsNav().isVisible(), false, 'no reports navigation in print');
  assert.equal(await page.getByRole('button', { name: '导出 Excel' }).isVisible(), false, 'no buttons in print');
  await page.getByRole('heading', { level: 1, name: '客户投诉周报' }).waitFor();
  await page.getByText(`统计周期：${week.week} 至 ${week.last_day}`).waitFor();
  await signOff.waitFor();
  await page.getByText('审核：＿＿＿＿').waitFor();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(join(SCREENSHOT_DIR, 'reports-weekly-print.pdf'), pdf);

  await page.emulateMedia({ media: 'screen' });
  await mainNav().waitFor();
  assert.equal(await signOff.isVisible(), false, 'back on screen the sign-off line is hidden again');
});

step('on a phone the weekly report shows its figures', async () => {
  await page.setViewportSize(PHONE);
  await page.reload();
  await page.getByRole('navigation', { name: '底部导航' }).waitFor();
  await page.getByRole('heading', { level: 1, name: '客户投诉周报' }).waitFor();
  await expectWeek();
  await reportsNav().getByRole('link', { name: '月报', exact: true }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  await screenshot(page, 'reports-weekly-phone');
});
