// The complaint list (投诉) in the browser, as sales (demo data, password
// kehu-demo-pass): the total line (共 N 件) agrees with the rows shown; the
// 我发起的 filter narrows the list, the total and the URL; 导出 Excel saves
// the tracking sheet (客户投诉案件追踪表) of the filtered list as an .xlsx
// file; on a phone the cards still show the total and a row's claimed amount
// (索赔金额).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { login } from './support/flow.mjs';
import { steps } from './support/steps.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** The list's page size (one "load more" page). */
const PAGE = 20;

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** What the list holds without filters, and with 我发起的. */
let all = 0;
let mine = 0;

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

const step = steps('complaint-list', () => page);

/** 1234 -> "1,234", as the page writes the total in zh-CN. @param {number} n */
const grouped = (n) => new Intl.NumberFormat('zh-CN').format(n);

/** "120000.00" -> "120,000.00" (the digits of the money the page shows, whatever the currency sign). @param {string} amount */
function amountDigits(amount) {
  const [whole = '', frac = '00'] = amount.replace(/^-/, '').split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
}

/**
 * The next GET of `path` whose `mine` parameter is as given (null: absent).
 * @param {string} path @param {string | null} mineParam
 */
function nextGet(path, mineParam) {
  return page.waitForResponse((r) => {
    const url = new URL(r.url());
    return r.request().method() === 'GET' && url.pathname === path && url.searchParams.get('mine') === mineParam;
  });
}

/** The total line: a status region reading 共 N 件. */
const totalLine = () => page.getByRole('status').filter({ hasText: /^共 [\d,]+ 件$/ });

/**
 * The total line reads `total`, and the rows agree with it: all of them
 * when they fit one page (the list's foot says so), else a full page and 加载更多.
 * @param {number} total
 */
async function expectListOf(total) {
  await page.getByRole('status').filter({ hasText: new RegExp(`^共 ${grouped(total)} 件$`) }).waitFor();
  if (total === 0) {
    await page.getByText('没有符合筛选条件的投诉').waitFor();
    return;
  }
  const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('link') });
  if (total <= PAGE) {
    await page.getByText(`共 ${total} 条，已全部显示`, { exact: true }).waitFor();
    assert.equal(await rows.count(), total, 'every complaint the total counts is a row');
  } else {
    await page.getByRole('button', { name: '加载更多' }).waitFor();
    assert.equal(await rows.count(), PAGE, 'a full first page while more remain');
  }
}

step('sales opens 投诉 and sees how many complaints the list holds', async () => {
  await login(page, 'sales');
  const counted = nextGet('/api/v1/complaints/count', null);
  const listed = nextGet('/api/v1/complaints', null);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '投诉', exact: true }).click();
  await page.waitForURL(/\/complaints$/);
  await page.getByRole('heading', { level: 1, name: '投诉' }).waitFor();
  const [count, list] = await Promise.all([counted, listed]);
  assert.equal(count.status(), 200, await count.text());
  assert.equal(list.status(), 200, await list.text());
  all = (await count.json()).total;
  assert.ok(Number.isInteger(all) && all > 0, `the demo's complaints are counted (got ${all})`);
  await expectListOf(all);
  await totalLine().waitFor();
  await page.getByRole('columnheader', { name: '索赔金额' }).waitFor();
});

step('ticking 我发起的 narrows the list, its total and the URL', async () => {
  const counted = nextGet('/api/v1/complaints/count', 'true');
  const listed = nextGet('/api/v1/complaints', 'true');
  await page.getByRole('checkbox', { name: '我发起的' }).click();
  await page.getByRole('checkbox', { name: '我发起的', checked: true }).waitFor();
  await page.waitForURL(/[?&]mine=true(&|$)/);
  const [count, list] = await Promise.all([counted, listed]);
  assert.equal(count.status(), 200, await count.text());
  assert.equal(list.status(), 200, await list.text());
  mine = (await count.json()).total;
  assert.ok(Number.isInteger(mine) && mine > 0, `sales filed the demo's complaints (got ${mine})`);
  assert.ok(mine <= all, `我发起的 (${mine}) is part of the list (${all})`);
  await expectListOf(mine);
  // The filter counts as one: 清除筛选 is offered.
  await page.getByRole('button', { name: '清除筛选' }).waitFor();
  await screenshot(page, 'complaint-list-mine');
});

step('导出 Excel saves the tracking sheet of the filtered list', async () => {
  const exported = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/complaints/export');
  const downloading = page.waitForEvent('download');
  // Awaited below; a failed export is reported by its answer's status first.
  downloading.catch(() => {});
  const button = page.getByRole('button', { name: '导出 Excel' });
  await button.click();
  const answer = await exported;
  assert.equal(answer.status(), 200, `export answered ${answer.status()}`);
  assert.equal(new URL(answer.url()).searchParams.get('mine'), 'true', 'the export takes the filters shown');
  const download = await downloading;
  const name = download.suggestedFilename();
  assert.match(name, /客户投诉案件追踪表.*\.xlsx$/);
  assert.match(name, /-\d{8}\.xlsx$/, `dated file name: ${name}`);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip archive');
  assert.equal(await page.getByRole('alert').count(), 0, 'no export error is shown');
});

step('on a phone the list still shows the total and a row’s claimed amount', async () => {
  await page.setViewportSize(PHONE);
  const counted = nextGet('/api/v1/complaints/count', 'true');
  let listed = nextGet('/api/v1/complaints', 'true');
  await page.reload();
  const [count, list] = await Promise.all([counted, listed]);
  const total = (await count.json()).total;
  await page.getByRole('status').filter({ hasText: new RegExp(`^共 ${grouped(total)} 件$`) }).waitFor();
  assert.equal(await page.getByRole('table').count(), 0, 'cards, not a table, on a phone');

  /** @typedef {{ number?: string | null, product_number?: string | null, customer: { name: string }, claim_amount?: { amount: string } | null }} Row */
  /** @param {{ items: Row[] }} body */
  const claimed = (body) => body.items.find((c) => c.claim_amount && c.number) ?? body.items.find((c) => c.claim_amount);
  let row = claimed(await list.json());
  if (!row) {
    // Newer cases without a claim fill the first page: find a demo case that has one.
    listed = nextGet('/api/v1/complaints', 'true');
    await page.goto(`${baseUrl()}/complaints?q=BRK-2207&mine=true`);
    row = claimed(await (await listed).json());
  }
  assert.ok(row?.claim_amount, 'a complaint sales filed with a claimed amount');
  let card = page.getByRole('listitem').getByRole('link').filter({ hasText: row.customer.name });
  for (const text of [row.number, row.product_number]) if (text) card = card.filter({ hasText: text });
  card = card.filter({ hasText: '索赔金额' }).first();
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  assert.ok(text.includes(amountDigits(row.claim_amount.amount)), `the card shows the claim ${row.claim_amount.amount}: ${text}`);
  await screenshot(page, 'complaint-list-phone', { fullPage: false });
});
