// A return application (客户退换货申请单) through its approval chain, each
// step in the browser as the role that takes it (demo data, password
// kehu-demo-pass): sales raises one on its own for C-0001 with grounds A and
// B and submits it; the sales supervisor approves with a retention note; the
// marketing manager approves on a phone from My tasks; the GM approves;
// customer service, from My tasks, records the on-site inspection (one part
// missing) and collects every original, after which the application leaves
// its 待我审核 list; production finds it approved in the summary; the print
// view renders to PDF. Then the finished-goods return note (成品退货单):
// sales issues it from My tasks; the supervisor verifies it; the warehouse
// receives it on a phone keeping the approved quantities; sales records the
// proof of return; finance books it; its print view renders to PDF.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, screenshot } from './support/browser.mjs';
import { caseHeader, choose, expectState, login, openAction, submitDrawer, switchUser, visibleActions } from './support/flow.mjs';

const CUSTOMER = '苏州精密机械有限公司';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** The application under test. */
let id = 0;
let number = '';
/** Its return note's number (CT…). */
let noteNumber = '';

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

let failed = '';
/** The steps build on each other: after a failure the rest are skipped. @param {string} name @param {() => Promise<void>} fn */
function step(name, fn) {
  test(name, async (t) => {
    if (failed) return t.skip(`an earlier step failed: ${failed}`);
    try {
      await fn();
    } catch (error) {
      failed = name;
      await screenshot(page, 'failed-returns-step').catch(() => {});
      throw error;
    }
  });
}

/**
 * The answer of the API call a click sets off.
 * @param {string | RegExp} path the request path, e.g. `/api/v1/returns` @param {string} method
 * @param {() => Promise<void>} act
 */
async function answerTo(path, method, act) {
  const answered = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return r.request().method() === method && (typeof path === 'string' ? url.pathname === path : path.test(url.pathname));
  });
  await act();
  return answered;
}

/** Takes an action from the drawer and waits for the server's answer and the new state. @param {string} action @param {string} label @param {string} state @param {(drawer: import('playwright-core').Locator) => Promise<void>} [fill] */
async function act(action, label, state, fill) {
  const drawer = await openAction(page, action);
  if (fill) await fill(drawer);
  const answer = await answerTo(`/api/v1/returns/${id}/actions/${action}`, 'POST', () => submitDrawer(page, drawer, label));
  assert.equal(answer.status(), 200, `${action}: ${await answer.text()}`);
  await expectState(page, state);
}

/** From My tasks, opens the application waiting for this user. */
async function openFromTasks() {
  const link = page.locator(`.kehu-tasks a[href="/returns/${id}"]`);
  await link.first().click();
  await page.waitForURL(new RegExp(`/returns/${id}$`));
  await caseHeader(page).waitFor();
}

step('sales fills in an application for C-0001: items, grounds A and B, eligible', async () => {
  await login(page, 'sales');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '退换货' }).click();
  await page.getByRole('heading', { level: 1, name: '产品退换货汇总表' }).waitFor();
  await page.getByRole('link', { name: /新建申请/ }).click();
  await page.waitForURL(/\/returns\/new$/);
  await page.getByRole('heading', { level: 1, name: '新建退换货申请' }).waitFor();

  await choose(page, page, '客户', CUSTOMER);
  await page.getByLabel('退货', { exact: true }).check();
  await page.getByLabel('订单编号').fill('SO-E2E-RT01');
  await page.getByLabel('品号').fill('PCB-E2E-01');
  await page.getByLabel('品名规格').fill('四层板 1.6mm');
  await page.getByLabel('数量').fill('40');
  await page.getByLabel('单价').fill('12.50');
  await page.getByTestId('line-amount-0').filter({ hasText: '¥500.00' }).waitFor();
  await page.getByTestId('lines-total').filter({ hasText: '¥500.00' }).waitFor();
  await page.getByLabel('退换货原因').fill('客户来料检验不合格，要求退货');

  const eligibility = page.getByTestId('eligibility');
  await eligibility.filter({ hasText: '尚不符合退换货条件' }).waitFor();
  await page.getByLabel('A 保修期内的依据').fill('保修卡：交货日起一年内');
  await page.getByLabel('B 质量未达合同验收标准', { exact: true }).check();
  await page.getByLabel('B 质量未达合同验收标准的依据').fill('来料检验报告 IQC-E2E-01');
  await page.locator('[data-testid="eligibility"][data-eligible="true"]').waitFor();
  await screenshot(page, 'return-new-zh-CN');

  const saved = await answerTo('/api/v1/returns', 'POST', () => page.getByRole('button', { name: '保存草稿' }).click());
  assert.equal(saved.status(), 201, await saved.text());
  await page.waitForURL(/\/returns\/\d+$/);
  id = Number(/\/returns\/(\d+)$/.exec(page.url())?.[1]);
  assert.ok(id > 0);
  await expectState(page, '草稿');
  number = (await caseHeader(page).getByRole('heading', { level: 1 }).innerText()).trim();
  assert.match(number, /^TH\d{4}-\d{4,}$/);
  await page.getByText(`申请单 ${number} 已保存为草稿`).waitFor();
  assert.deepEqual(await visibleActions(page), ['edit', 'submit', 'withdraw', 'print']);
});

step('sales submits it to the sales supervisor', async () => {
  await act('submit', '提交', '业务主管审核');
  // The raiser may still withdraw it while it is open; the approving is the supervisor's.
  assert.deepEqual(await visibleActions(page), ['withdraw', 'print']);
  await screenshot(page, 'return-submitted-zh-CN');
});

step('the supervisor approves it from My tasks, recording the attempt to keep the sale', async () => {
  await switchUser(page, 'supervisor');
  await page.getByRole('heading', { level: 2, name: '退换货待审' }).waitFor();
  await openFromTasks();
  await act('approve', '核准', '营销经理审核', async (drawer) => {
    await drawer.getByLabel('挽留记录').fill('已拜访客户，建议改为折让，客户坚持退货');
  });
  await page.locator('#section-notes').getByText('已拜访客户，建议改为折让，客户坚持退货').waitFor();
});

step('the marketing manager approves it on a phone, reached from My tasks', async () => {
  await switchUser(page, 'marketing_manager');
  await page.setViewportSize(PHONE);
  await page.getByRole('navigation', { name: '底部导航' }).waitFor();
  await openFromTasks();
  const bar = page.getByRole('toolbar', { name: '可执行的操作' });
  await bar.getByRole('button', { name: '核准', exact: true }).waitFor();
  await screenshot(page, 'return-approval-phone-zh-CN', { fullPage: false });
  await act('approve', '核准', '总经理核准');
  await page.setViewportSize(DESKTOP);
});

step('the GM approves it: 已核准', async () => {
  await switchUser(page, 'gm');
  await openFromTasks();
  await act('approve', '核准', '已核准');
  assert.deepEqual(await visibleActions(page), ['print']);
});

step('customer service inspects it on site (one part missing) and collects every original, from My tasks', async () => {
  await switchUser(page, 'service');
  await page.getByRole('heading', { level: 2, name: '退换货待审' }).waitFor();
  // Approved, yet listed: what it waits for reads in the row.
  await page.locator(`.kehu-tasks a[href="/returns/${id}"]`).getByText('待现场检验 / 待收集原件').waitFor();
  await openFromTasks();
  await expectState(page, '已核准');

  const drawer = await openAction(page, 'inspect');
  await drawer.getByLabel('功能', { exact: true }).getByLabel('良好', { exact: true }).check();
  await drawer.getByLabel('外观', { exact: true }).getByLabel('不良', { exact: true }).check();
  await drawer.getByLabel('外观说明', { exact: true }).fill('外壳右侧有划痕');
  const first = drawer.getByRole('group', { name: '第 1 个部件' });
  await first.getByLabel('部件', { exact: true }).fill('遥控器');
  await first.getByLabel('应有', { exact: true }).fill('2');
  await first.getByLabel('实有', { exact: true }).fill('1');
  await drawer.getByTestId('part-missing-0').filter({ hasText: '1' }).waitFor();
  await drawer.getByRole('button', { name: /添加部件/ }).click();
  const second = drawer.getByRole('group', { name: '第 2 个部件' });
  await second.getByLabel('部件', { exact: true }).fill('说明书');
  await second.getByLabel('应有', { exact: true }).fill('1');
  await second.getByLabel('实有', { exact: true }).fill('1');
  await drawer.getByLabel('客户签收人', { exact: true }).fill('王建国');
  await screenshot(page, 'return-inspection-zh-CN', { fullPage: false });
  const inspected = await answerTo(`/api/v1/returns/${id}/inspection`, 'POST', () => submitDrawer(page, drawer, '现场检验'));
  assert.equal(inspected.status(), 200, await inspected.text());
  await page.getByText('已完成：现场检验').waitFor();
  const section = page.locator('#section-inspection');
  await section.locator('.kehu-part--missing', { hasText: '遥控器' }).waitFor();
  await section.getByTestId('parts-missing-total').filter({ hasText: '共缺少 1 件' }).waitFor();
  await section.getByText('王建国').waitFor();
  assert.equal(await page.locator('button[data-action="inspect"]').count(), 0, 'inspected once');

  const originals = page.locator('#section-originals');
  // The group is controlled: a tick shows once React has re-rendered, so each
  // click waits for its box to read checked (check() looks at once).
  for (const label of ['合同', '收据', '送货单', '保修卡', '装箱单']) {
    const box = originals.getByLabel(label, { exact: true });
    await box.click();
    await originals.locator('.ant-checkbox-wrapper-checked', { hasText: label }).waitFor();
  }
  const collected = await answerTo(`/api/v1/returns/${id}/originals`, 'PUT', () => originals.locator('button[data-action="save-originals"]').click());
  assert.equal(collected.status(), 200, await collected.text());
  assert.deepEqual((await collected.json()).originals_missing, []);
  await originals.getByTestId('originals-progress').filter({ hasText: '已收集 5/5' }).waitFor();

  const history = page.locator('.kehu-history');
  await history.getByTestId('return-event').filter({ hasText: '现场检验' }).waitFor();
  await history.getByTestId('return-event').filter({ hasText: '收集原件' }).waitFor();
  await screenshot(page, 'return-service-done-zh-CN');

  // Nothing is left for customer service: the application is off its 待我审核 list.
  const listed = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return r.request().method() === 'GET' && url.pathname === '/api/v1/returns' && url.searchParams.get('box') === 'to_act';
  });
  await page.goto(`${baseUrl()}/returns?box=to_act`);
  const list = await listed;
  assert.equal(list.status(), 200);
  assert.ok(!(await list.json()).items.some((/** @type {{ id: number }} */ r) => r.id === id), 'not waiting for customer service any more');
  await page.getByRole('heading', { level: 1, name: '产品退换货汇总表' }).waitFor();
  await page.locator('.ant-segmented-item-selected', { hasText: '待我审核' }).waitFor();
  await page.getByTestId('returns-total').waitFor();
  assert.equal(await page.locator(`a[href="/returns/${id}"]`).count(), 0);
});

step('production finds it approved in the returns summary', async () => {
  await switchUser(page, 'production');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '退换货' }).click();
  await page.getByRole('heading', { level: 1, name: '产品退换货汇总表' }).waitFor();
  const row = page.locator('.ant-table-row', { hasText: number });
  await row.locator('.kehu-state-tag', { hasText: '已核准' }).waitFor();
  await row.getByText(CUSTOMER).waitFor();
  await row.getByText('¥500.00').waitFor();
  await screenshot(page, 'returns-summary-zh-CN');
  await row.getByRole('link', { name: number }).click();
  await page.waitForURL(new RegExp(`/returns/${id}$`));
  await expectState(page, '已核准');
});

step('the print view carries the number, the items and every sign-off, and renders to a PDF', async () => {
  await page.locator('button[data-action="print"]').click();
  await page.waitForURL(new RegExp(`/returns/${id}/print$`));
  await page.getByRole('heading', { level: 1, name: '客户退换货申请单' }).waitFor();
  await page.getByTestId('print-number').filter({ hasText: number }).waitFor();
  const signOff = page.getByRole('table', { name: '签核' });
  for (const name of ['张业务', '郭主管', '韩经理', '郑总']) await signOff.getByText(name).waitFor();
  await screenshot(page, 'return-print-zh-CN');

  await page.emulateMedia({ media: 'print' });
  // Printing shows the sheet alone: the app's frame and the toolbar are hidden.
  await page.locator('.kehu-sider').waitFor({ state: 'hidden' });
  await page.locator('.kehu-print__toolbar').waitFor({ state: 'hidden' });
  const text = await page.locator('.kehu-print').innerText();
  assert.ok(text.includes(number), 'the printed page names the application');
  assert.ok(text.includes('PCB-E2E-01'), 'the printed page lists the item');
  assert.ok(text.includes('遥控器'), 'the printed page carries the parts list');
  assert.ok(text.includes('☑ 装箱单'), 'the printed page ticks the originals');
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.ok(pdf.length > 1000, `a PDF of ${pdf.length} bytes`);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  await page.emulateMedia({ media: 'screen' });
});

/** The return note's section on the application page. */
const noteSection = () => page.locator('#section-note');

/** The return note's state tag reads `label`. @param {string} label */
async function expectNoteState(label) {
  await noteSection().locator('.kehu-note-state', { hasText: label }).first().waitFor();
}

/** From My tasks, the row of the application says what it waits for, then opens it. @param {string} wording */
async function openNoteTask(wording) {
  await page.getByRole('heading', { level: 2, name: '退换货待审' }).waitFor();
  await page.locator(`.kehu-tasks a[href="/returns/${id}"]`).getByText(wording).waitFor();
  await openFromTasks();
}

/**
 * Takes a step on the return note from its drawer and waits for the server's answer.
 * @param {string} dataAction the button's data-action @param {string} action the API's action @param {string} label
 * @param {(drawer: import('playwright-core').Locator) => Promise<void>} [fill]
 */
async function noteAct(dataAction, action, label, fill) {
  const drawer = await openAction(page, dataAction);
  if (fill) await fill(drawer);
  const answer = await answerTo(`/api/v1/returns/${id}/note/actions/${action}`, 'POST', () => submitDrawer(page, drawer, label));
  assert.equal(answer.status(), 200, `${action}: ${await answer.text()}`);
  return answer.json();
}

step('sales issues the return note from My tasks: reason and basis prefilled, handling filled in', async () => {
  await switchUser(page, 'sales');
  await openNoteTask('待开立成品退货单');
  await noteSection().getByTestId('note-ready').waitFor();
  const drawer = await openAction(page, 'issue-note');
  assert.equal(await drawer.getByLabel('退货原因', { exact: true }).inputValue(), '客户来料检验不合格，要求退货');
  assert.equal(await drawer.getByLabel('退回依据', { exact: true }).inputValue(), `客户退换货申请单 ${number}`);
  await drawer.getByLabel('处理方式', { exact: true }).fill('退回成品仓，待品保判定后重修');
  await screenshot(page, 'return-note-issue-zh-CN', { fullPage: false });
  const issued = await answerTo(`/api/v1/returns/${id}/note`, 'POST', () => submitDrawer(page, drawer, '开立成品退货单'));
  assert.equal(issued.status(), 200, await issued.text());
  const note = (await issued.json()).note;
  noteNumber = note.number;
  assert.match(noteNumber, /^CT\d{4}-\d{4,}$/);
  assert.equal(note.state, 'issued');
  assert.equal(note.tolerance_bp ?? null, null, 'no tolerance of the order’s own: the company’s applies');
  await noteSection().getByText(`成品退货单 ${noteNumber} 已开立`).waitFor();
  await noteSection().getByTestId('note-number').filter({ hasText: noteNumber }).waitFor();
  await expectNoteState('待核实');
  await page.locator('.kehu-history').getByTestId('return-event').filter({ hasText: '开立成品退货单' }).waitFor();
});

step('the supervisor verifies the return note from My tasks', async () => {
  await switchUser(page, 'supervisor');
  await openNoteTask('成品退货单待您核实');
  await page.locator('button[data-action="verify-note"]').click();
  const verified = await answerTo(`/api/v1/returns/${id}/note/actions/verify`, 'POST', () =>
    page.locator('.ant-popconfirm').getByRole('button', { name: '核实', exact: true }).click(),
  );
  assert.equal(verified.status(), 200, await verified.text());
  assert.equal((await verified.json()).note.state, 'to_receive');
  await noteSection().getByText('已完成：核实').waitFor();
  await expectNoteState('待仓库签收');
});

step('the warehouse receives it on a phone, keeping the approved quantities', async () => {
  await switchUser(page, 'warehouse');
  await page.setViewportSize(PHONE);
  await page.getByRole('navigation', { name: '底部导航' }).waitFor();
  await openNoteTask('成品退货单待您签收');
  // On a phone the items are cards, not the wide table.
  await noteSection().getByTestId('note-line').first().waitFor();
  assert.equal(await noteSection().locator('.kehu-note-table').count(), 0);
  const note = await noteAct('receive-note', 'receive', '签收', async (drawer) => {
    assert.equal(await drawer.getByLabel('第 1 项 PCB-E2E-01 实退量（核定 40）', { exact: true }).inputValue(), '40');
    await screenshot(page, 'return-note-receive-phone-zh-CN', { fullPage: false });
  });
  assert.equal(note.note.state, 'to_book');
  assert.deepEqual(
    note.note.lines.map((/** @type {{ received: number }} */ l) => l.received),
    [40],
  );
  await noteSection().getByText('已完成：签收').waitFor();
  await expectNoteState('待会计核对');
  await page.setViewportSize(DESKTOP);
});

step('sales records the proof of return', async () => {
  await switchUser(page, 'sales');
  await openNoteTask('待录入退货证明');
  await noteSection().getByTestId('proof-pending').waitFor();
  const drawer = await openAction(page, 'record-proof');
  await drawer.getByLabel('销货退回证明单（签章）', { exact: true }).check();
  await drawer.getByLabel('发票号 / 证明单号', { exact: true }).fill('No. E2E-RT01');
  const proven = await answerTo(`/api/v1/returns/${id}/note/proof`, 'PUT', () => submitDrawer(page, drawer, '录入退货证明'));
  assert.equal(proven.status(), 200, await proven.text());
  assert.equal((await proven.json()).note.proof_kind, 'return_certificate');
  await noteSection().getByText('退货证明已录入').waitFor();
  await noteSection().getByTestId('note-proof').filter({ hasText: 'No. E2E-RT01' }).waitFor();
});

step('finance books it at the quantity received', async () => {
  await switchUser(page, 'finance');
  await openNoteTask('成品退货单待您核对入账');
  const note = await noteAct('book-note', 'book', '核对入账');
  assert.equal(note.note.state, 'booked');
  assert.deepEqual(
    note.note.lines.map((/** @type {{ booked: number }} */ l) => l.booked),
    [40],
  );
  await noteSection().getByText('成品退货单已入账').waitFor();
  await expectNoteState('已入账');
  await screenshot(page, 'return-note-booked-zh-CN');
});

step('the return note prints on one A4 page with its number, copies and every sign-off', async () => {
  await page.locator('button[data-action="print-note"]').click();
  await page.waitForURL(new RegExp(`/returns/${id}/note/print$`));
  await page.getByRole('heading', { level: 1, name: '成品退货单' }).waitFor();
  await page.getByTestId('print-number').filter({ hasText: noteNumber }).waitFor();
  await page.getByText('①业务部存 ②成品仓存 ③会计科存 ④业务部存').waitFor();
  const signOff = page.getByRole('table', { name: '签核' });
  for (const name of ['张业务', '郭主管', '马仓管', '何会计']) await signOff.getByText(name).waitFor();
  await screenshot(page, 'return-note-print-zh-CN');

  await page.emulateMedia({ media: 'print' });
  await page.locator('.kehu-sider').waitFor({ state: 'hidden' });
  await page.locator('.kehu-print__toolbar').waitFor({ state: 'hidden' });
  const text = await page.locator('.kehu-print').innerText();
  assert.ok(text.includes(noteNumber), 'the printed page names the return note');
  assert.ok(text.includes(number), 'the printed page names the application');
  assert.ok(text.includes('PCB-E2E-01'), 'the printed page lists the item');
  assert.ok(text.includes('一式四联'), 'the printed page carries the copy marks');
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.ok(pdf.length > 1000, `a PDF of ${pdf.length} bytes`);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  // Page objects are written in the clear by Chromium; count them when they can be seen.
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  if (pages > 0) assert.equal(pages, 1, 'one A4 page');
  await page.emulateMedia({ media: 'screen' });
});
