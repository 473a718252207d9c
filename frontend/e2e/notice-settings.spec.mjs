// Notifications beyond the bell (issue 16) in the browser: QA, on a phone,
// opens 我的 and chooses English, the reminders (催办单) by e-mail and the
// late-close inquiries (洽办单) in a 07:00 daily digest; the choice survives
// a reload. The administrator adds a signed DingTalk robot
// for major-complaint alerts.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { drawersSettled, login, switchUser } from './support/flow.mjs';
import { answerTo, steps } from './support/steps.mjs';

const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;

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

const step = steps('notice-settings', () => page);

step('QA chooses English, reminders by e-mail and inquiries in the daily digest under 我的, on a phone', async () => {
  await login(page, 'qa');
  await page.goto(`${baseUrl()}/me`);
  const card = page.getByRole('region', { name: '通知设置' });
  await page.getByRole('heading', { level: 2, name: '通知设置' }).waitFor();
  // antd's radio buttons hide their input: the label takes the click.
  await card.getByRole('radiogroup', { name: '接收语言' }).getByText('English', { exact: true }).click();
  await card.getByRole('group', { name: '邮件通知' }).getByRole('checkbox', { name: '催办单', exact: true }).check();
  const digest = card.getByRole('group', { name: '每日汇总' });
  assert.equal(await digest.getByRole('checkbox', { name: '催办单', exact: true }).isDisabled(), true, 'a kind goes one way');
  await digest.getByRole('checkbox', { name: '洽办单', exact: true }).check();
  // The hour starts at 08:00, whose shown value takes the click: open the select by its box.
  await card.locator('.ant-form-item', { has: page.getByRole('combobox', { name: '发送时间' }) }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '07:00' }).click();
  const saved = await answerTo(page, '/api/v1/me/notice-preferences', () => card.getByRole('button', { name: '保存', exact: true }).click(), 'PUT');
  assert.equal(saved.status(), 200, await saved.text());
  await page.getByRole('status').getByText('已保存通知设置').first().waitFor();
  await screenshot(page, 'notice-settings-phone');
});

step('the choice is there after a reload, with the empty send log', async () => {
  await page.reload();
  const card = page.getByRole('region', { name: '通知设置' });
  await page.getByRole('heading', { level: 2, name: '通知设置' }).waitFor();
  assert.equal(await card.getByRole('radio', { name: 'English' }).isChecked(), true);
  assert.equal(await card.getByRole('group', { name: '邮件通知' }).getByRole('checkbox', { name: '催办单', exact: true }).isChecked(), true);
  assert.equal(await card.getByRole('group', { name: '每日汇总' }).getByRole('checkbox', { name: '洽办单', exact: true }).isChecked(), true);
  await card.locator('.ant-select-selection-item', { hasText: '07:00' }).waitFor();
  await page.getByText('暂无邮件发送记录').waitFor();
  await page.getByText('暂无汇总邮件记录').waitFor();
});

step('the administrator adds a signed DingTalk robot for major-complaint alerts', async () => {
  await switchUser(page, 'admin');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${baseUrl()}/settings?tab=robots`);
  await page.getByRole('button', { name: '添加机器人' }).click();
  const d = page.getByRole('dialog', { name: '添加机器人' });
  await d.waitFor();
  await drawersSettled(page);
  await d.getByRole('textbox', { name: '名称' }).fill('销售部钉钉群');
  // The platform starts at 企业微信, whose shown value takes the click: open the select by its box.
  const platform = d.locator('.ant-form-item', { has: page.getByLabel('平台', { exact: true }) });
  await platform.locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '钉钉' }).click();
  await platform.locator('.ant-select-selection-item', { hasText: '钉钉' }).waitFor();
  await d.getByRole('textbox', { name: 'Webhook 地址' }).fill('http://10.20.0.7/robot/send?access_token=e2e-token');
  await d.getByRole('textbox', { name: '加签密钥' }).fill('SECe2e');
  await d.getByRole('checkbox', { name: '重大投诉预警', exact: true }).check();
  const saved = await answerTo(page, '/api/v1/notice-robots', () => d.getByRole('button', { name: '保存', exact: true }).click());
  assert.equal(saved.status(), 201, await saved.text());
  const row = page.getByRole('row', { name: /销售部钉钉群/ });
  await row.waitFor();
  assert.equal(await row.getByText('e2e-token').count(), 0, 'the token is not shown');
  await screenshot(page, 'notice-robots');
});
