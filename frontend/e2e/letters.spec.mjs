// Follow-through in the browser (issue 16): the coordinator urges a case
// overdue at registration — his own step — and opens the reminder (催办单)
// from the bell and prints it; production, on a phone, answers the
// late-close inquiry (洽办单) about a case it held past its deadline, and the
// answer shows in the case's history.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { request } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { login, PASSWORD, switchUser } from './support/flow.mjs';
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

const step = steps('letters', () => page);

/**
 * Urges the demo case overdue at registration as the coordinator, over the
 * API: the specs before this one leave newer notices, and the bell shows ten.
 */
async function urgeOverdueCase() {
  // A context of its own: the browser's keeps no cookie of this login.
  const api = await request.newContext({ baseURL: baseUrl() });
  const login = await api.post('/api/v1/auth/login', { data: { username: 'coordinator', password: PASSWORD } });
  const auth = { authorization: `Bearer ${(await login.json()).access_token}` };
  const list = await (await api.get('/api/v1/complaints?q=BRK-5120', { headers: auth })).json();
  const { id, version } = list.items[0];
  const urged = await api.post(`/api/v1/complaints/${id}/actions/remind`, { headers: { ...auth, 'if-match': `"${version}"` }, data: {} });
  assert.equal(urged.status(), 200, await urged.text());
  await api.dispose();
}

step('the coordinator opens the reminder (催办单) from the bell and sees the step, the deadline and how late', async () => {
  await urgeOverdueCase();
  await login(page, 'coordinator');
  await page.getByRole('button', { name: /通知/ }).first().click();
  const popover = page.locator('.ant-popover:visible');
  await popover.waitFor();
  await screenshot(page, 'letters-bell', { fullPage: false });
  await popover.getByRole('link', { name: /催办单/ }).first().click();
  await page.waitForURL(/\/letters\/\d+$/);
  await page.getByRole('heading', { level: 1, name: /催办单/ }).waitFor();
  await page.getByText(/CB\d{4}-\d{4}/).first().waitFor();
  await page.getByText('待登记').first().waitFor();
  await page.locator('tr', { hasText: '催办人' }).getByText('陈协调').waitFor();
  await page.getByText(/\d+\s*小时/).first().waitFor();
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'letters-reminder-print');
  await page.emulateMedia({ media: 'screen' });
});

step('production answers its late-close inquiry (洽办单) on a phone, and the answer joins the history', async () => {
  await switchUser(page, 'production');
  await page.setViewportSize(PHONE);
  await page.goto(`${baseUrl()}/notifications?kind=chase`);
  await page.getByRole('heading', { level: 1, name: '通知' }).waitFor();
  await page.getByRole('link', { name: /洽办单/ }).first().click();
  await page.waitForURL(/\/letters\/\d+$/);
  await page.getByRole('heading', { level: 1, name: /洽办单/ }).waitFor();
  const reason = '冲压模具定位销断裂，备件三天后才到，期间无法完成对策';
  await page.getByRole('textbox', { name: '逾期原因' }).fill(reason);
  const answered = await answerTo(page, /\/api\/v1\/letters\/\d+\/answer$/, () => page.getByRole('button', { name: /提交回复/ }).click());
  assert.equal(answered.status(), 200, await answered.text());
  const letter = await answered.json();
  assert.equal(letter.answer, reason);
  await page.getByText(reason).first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no sideways scrolling on a phone (${width}px)`);
  await screenshot(page, 'letters-inquiry-answered');

  await page.goto(`${baseUrl()}/complaints/${letter.complaint.id}`);
  await page.getByText(reason).first().waitFor();
  await page.setViewportSize(DESKTOP);
});
