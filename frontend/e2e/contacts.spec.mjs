// The customer told in time (issue 16) in the browser: customer service, on
// a phone, records the first reply of a registered case with the date the
// answer is promised; the salesperson of a case closed late sends the
// satisfaction survey link and records the close confirmation; the customer
// opens the link and sees which complaint it asks about.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { choose, drawersSettled, isoDay, login, openByProduct, switchUser } from './support/flow.mjs';
import { answerTo, steps } from './support/steps.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
let surveyUrl = '';

before(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: PHONE });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
});

after(async () => {
  await browser?.close();
});

const step = steps('contacts', () => page);

/** The drawer a record button opened. @param {string} name */
function drawer(name) {
  return page.getByRole('dialog', { name });
}

step('customer service records the first reply on a phone, with the promised date', async () => {
  await login(page, 'service');
  await openByProduct(page, 'BRK-2230', 'section-contacts');
  const row = page.getByTestId('contact-first_reply');
  await row.getByText('待联系').waitFor();
  await row.getByRole('button', { name: '记录首次回复' }).click();
  const d = drawer('记录首次回复');
  await d.waitFor();
  await drawersSettled(page);
  await choose(page, d, '联系方式', '电话');
  await d.getByRole('textbox', { name: '沟通内容' }).fill('已电话告知客户已立案，品保分析附着力问题，两天内答复处理方案');
  const promised = isoDay(-2);
  const picker = d.getByLabel('承诺答复日期');
  await picker.click();
  await picker.fill(promised);
  // Enter would submit the form from the picker; leaving the field keeps the date.
  await picker.press('Tab');
  const saved = await answerTo(page, /\/customer-contacts\/first_reply$/, () => d.getByRole('button', { name: '提交', exact: true }).click());
  assert.equal(saved.status(), 200, await saved.text());
  await page.getByRole('status').getByText('已记录首次回复').first().waitFor();
  await row.getByText('已完成').waitFor();
  await row.getByText(promised).waitFor();
  await screenshot(page, 'contacts-first-reply-phone');
});

step('the salesperson sends the survey link and records the close confirmation', async () => {
  await switchUser(page, 'sales');
  await page.setViewportSize(DESKTOP);
  await openByProduct(page, 'BRK-5101', 'section-contacts');
  const row = page.getByTestId('contact-close_confirmation');
  await row.getByText('待联系').waitFor();
  await row.getByRole('button', { name: '记录回访确认' }).click();
  const d = drawer('记录回访确认');
  await d.waitFor();
  await drawersSettled(page);
  await choose(page, d, '联系方式', '拜访');
  await d.getByRole('textbox', { name: '沟通内容' }).fill('拜访客户确认返工扩孔后装配正常，客户同意结案');
  await d.getByRole('radiogroup', { name: '客户是否确认结案' }).getByRole('radio', { name: '是' }).check();
  const saved = await answerTo(page, /\/customer-contacts\/close_confirmation$/, () => d.getByRole('button', { name: '提交', exact: true }).click());
  assert.equal(saved.status(), 200, await saved.text());
  await row.getByText('已完成').waitFor();
  await page.getByText(/拜访：拜访客户确认返工扩孔后装配正常/).first().waitFor();
  // The link after the record: its answer refreshes the contacts, which would land under an open drawer.
  const survey = page.getByTestId('case-survey');
  const sent = await answerTo(page, /\/survey-link$/, () => survey.getByRole('button', { name: '生成满意度调查链接' }).click());
  assert.equal(sent.status(), 201, await sent.text());
  const link = survey.getByRole('textbox', { name: '调查链接' });
  await link.waitFor();
  surveyUrl = await link.inputValue();
  assert.match(surveyUrl, /\/survey\/[\w-]+$/);
  await screenshot(page, 'contacts-close-confirmation');
});

step('the customer opens the survey link and sees the complaint it asks about', async () => {
  const customer = await browser.newContext({ locale: 'zh-CN', viewport: PHONE });
  const p = await customer.newPage();
  await p.goto(surveyUrl.replace(/^https?:\/\/[^/]+/, baseUrl()));
  await p.getByTestId('survey-complaint').getByText(/关于投诉 \d{4}-\d{4} 的处理/).waitFor();
  await screenshot(p, 'contacts-survey-customer');
  await customer.close();
});
