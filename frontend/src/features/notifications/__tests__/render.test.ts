import i18next, { type i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';
import { catalogs, testI18n } from '../../../test/i18n';
import { noticeText } from '../lib/render';
import { notice } from './notice';

type Notification = Schemas['NotificationView'];

/** Every kind the server sends: the typecheck fails here when it adds one. */
const NOTICE_KINDS = everyCode<Schemas['NoticeKind']>()([
  'task',
  'reminder',
  'major_alert',
  'late_inquiry',
  'late_inquiry_answered',
  'case_reminder',
  'containment_reminder',
  'close_confirmation_due',
  'first_reply_late',
  'close_confirmation_late',
  'close_not_confirmed',
  'customer_review',
  'customer_reviewed',
  'customer_claimed',
  'customer_transferred',
  'visit_report',
  'visit_reviewed',
  'customer_handover',
  'survey_answered',
  'survey_followup',
  'customer_access_request',
  'customer_access_decided',
  'customer_request',
  'customer_request_decided',
  'customer_supply_hold',
  'return_task',
  'return_decided',
  'return_reminder',
  'return_note_task',
  'allowance_task',
  'return_handling_task',
  'return_note_reminder',
  'return_handling_reminder',
  'allowance_reminder',
  'eight_d_review',
  'eight_d_decided',
  'effectiveness_due',
  'effectiveness_failed',
  'deferral_request',
  'deferral_decided',
  'petition_raised',
  'petition_decided',
  'supplier_request',
  'supplier_answered',
  'penalty_review',
  'penalty_disputed',
  'penalty_approval',
  'penalty_returned',
  'penalty_approved',
  'penalty_published',
  'weekly_report',
  'monthly_report',
]);

const customer = { customer_id: '2', customer: '苏州精密机械' };

let zh: I18n;
let en: I18n;
beforeAll(async () => {
  zh = await testI18n('zh-CN');
  en = await testI18n('en');
});

describe('noticeText', () => {
  it('words a code param through its catalog group (state)', () => {
    const n = notice('reminder', { number: 'KS-2026-0001', state: 'qa_investigation' }, { complaint_id: 1 });
    expect(noticeText(zh.t, n)).toEqual({
      title: '催办单：KS-2026-0001',
      body: '投诉 KS-2026-0001 的「质量调查中」已逾期或被催办，请尽快处理。',
    });
    expect(noticeText(en.t, n)).toEqual({
      title: 'Reminder notice: KS-2026-0001',
      body: '“QA investigation” on complaint KS-2026-0001 is overdue or was urged; please act on it.',
    });
  });

  it('words outcome, hold, request and dimension codes', () => {
    const decided = notice('customer_access_decided', { ...customer, outcome: 'approved', reason: '' });
    expect(noticeText(zh.t, decided)).toEqual({ title: '档案借阅已批准：苏州精密机械', body: '' });
    expect(noticeText(en.t, decided).title).toBe('Archive access approved: 苏州精密机械');

    const hold = notice('customer_supply_hold', { ...customer, hold: 'on', reason: '货款逾期 90 天' });
    expect(noticeText(zh.t, hold)).toEqual({ title: '暂停供货：苏州精密机械', body: '货款逾期 90 天' });
    expect(noticeText(en.t, { ...hold, params: { ...hold.params, hold: 'off' } }).title).toBe('Supply resumed: 苏州精密机械');

    const request = notice('customer_request_decided', { ...customer, request: 'deregister', outcome: 'rejected', reason: '仍有未结货款' });
    expect(noticeText(zh.t, request).title).toBe('注销申请未批准：苏州精密机械');
    expect(noticeText(en.t, request).title).toBe('Deregistration request declined: 苏州精密机械');

    const followup = notice('survey_followup', { ...customer, dimension: 'delivery', score: '2' });
    expect(noticeText(zh.t, followup).body).toBe('「交货期」得分 2');
  });

  it('words a penalty run’s steps without an amount', () => {
    const disputed = notice('penalty_disputed', { run_id: '9', month: '2026-11', department: '生产部', reason: '模具寿命到期属设备部门' });
    expect(noticeText(zh.t, disputed)).toEqual({ title: '奖罚异议：2026-11', body: '生产部 提出异议：模具寿命到期属设备部门' });
    expect(noticeText(en.t, notice('penalty_approval', { run_id: '9', month: '2026-11' })).title).toBe('Penalty run to approve: 2026-11');
  });

  it('words a return application’s state and outcome', () => {
    const base = { return_id: '4', number: 'TH2612-0001', customer: '苏州精密机械' };
    expect(noticeText(zh.t, notice('return_task', { ...base, return_state: 'marketing_review' }))).toEqual({
      title: '退换货申请待您审核：TH2612-0001',
      body: '苏州精密机械 · 营销经理审核',
    });
    expect(noticeText(zh.t, notice('return_decided', { ...base, outcome: 'rejected', reason: '客户同意改为折让' })).title).toBe('退换货申请未批准：TH2612-0001');
  });

  it('words a return note’s state in every language', () => {
    const note = notice('return_note_task', { return_id: '4', number: 'CT2612-0001', customer: '苏州精密机械', note_state: 'to_receive' });
    expect(noticeText(zh.t, note)).toEqual({ title: '成品退货单 CT2612-0001：待仓库签收', body: '苏州精密机械' });
    expect(noticeText(en.t, note)).toEqual({ title: 'Return note CT2612-0001: Awaiting warehouse receipt', body: '苏州精密机械' });
    const booked = { ...note, params: { ...note.params, note_state: 'booked' } };
    expect(noticeText(zh.t, booked).title).toBe('成品退货单 CT2612-0001：已入账');
    const decide = { ...note, params: { ...note.params, note_state: 'awaits_decision' } };
    expect(noticeText(zh.t, decide).title).toBe('成品退货单 CT2612-0001：待核准超量');
  });

  it('words the handling step of returned goods in every language', async () => {
    const task = notice('return_handling_task', { return_id: '4', number: 'TH2612-0001', customer: '苏州精密机械', handling_state: 'plan_approval' });
    expect(noticeText(zh.t, task)).toEqual({ title: '退换货处理单 TH2612-0001：整改方案待总经理审批', body: '苏州精密机械' });
    expect(noticeText(en.t, task)).toEqual({ title: 'Return handling TH2612-0001: Plan awaiting the GM', body: '苏州精密机械' });
    const tw = await testI18n('zh-TW');
    expect(noticeText(tw.t, task).title).toBe('退換貨處理單 TH2612-0001：整改方案待總經理審批');
    expect(noticeText(zh.t, { ...task, params: { ...task.params, handling_state: 'done' } }).title).toBe('退换货处理单 TH2612-0001：处理完毕');
  });

  it('words an allowance certificate’s state in every language', async () => {
    const task = notice('allowance_task', { allowance_id: '2', number: 'ZR2612-0001', customer: '苏州精密机械', allowance_state: 'gm_review' });
    expect(noticeText(zh.t, task)).toEqual({ title: '销货折让证明单 ZR2612-0001：待总经理核签', body: '苏州精密机械' });
    expect(noticeText(en.t, task)).toEqual({ title: "Allowance certificate ZR2612-0001: Awaiting the GM's countersignature", body: '苏州精密机械' });
    const tw = await testI18n('zh-TW');
    expect(noticeText(tw.t, task).title).toBe('銷貨折讓證明單 ZR2612-0001：待總經理核簽');
    // Approved: the applicant takes it to the customer; signed: accounting books it.
    expect(noticeText(zh.t, { ...task, params: { ...task.params, allowance_state: 'approved' } }).title).toBe('销货折让证明单 ZR2612-0001：待客户签章');
    expect(noticeText(zh.t, { ...task, params: { ...task.params, allowance_state: 'signed' } }).title).toBe('销货折让证明单 ZR2612-0001：待会计作账');
    expect(noticeText(zh.t, { ...task, params: { ...task.params, allowance_state: 'refused' } }).title).toBe('销货折让证明单 ZR2612-0001：已驳回');
  });

  it('words the 8D report’s review and decision in every language', async () => {
    const review = notice('eight_d_review', { number: '2611-0007', name: '2611-0007-BRK-1' }, { complaint_id: 7 });
    expect(noticeText(zh.t, review)).toEqual({ title: '8D 报告待您核准：2611-0007-BRK-1', body: '投诉 2611-0007 的 8D 问题处理报告已提交审核。' });
    expect(noticeText(en.t, review).title).toBe('8D report 2611-0007-BRK-1 waits for your approval');
    const decided = notice('eight_d_decided', { number: '2611-0007', name: '2611-0007-BRK-1', outcome: 'rejected', reason: '根本原因须附试验数据' }, { complaint_id: 7 });
    expect(noticeText(zh.t, decided)).toEqual({ title: '8D 报告未批准：2611-0007-BRK-1', body: '投诉 2611-0007。根本原因须附试验数据' });
    const tw = await testI18n('zh-TW');
    expect(noticeText(tw.t, { ...decided, params: { ...decided.params, outcome: 'approved', reason: '' } }).title).toBe('8D 報告已核准：2611-0007-BRK-1');
  });

  it('words an effectiveness check falling due and failing in every language', async () => {
    const due = notice('effectiveness_due', { number: '2611-0007', due_on: '2027-01-19' }, { complaint_id: 7 });
    expect(noticeText(zh.t, due)).toEqual({ title: '措施有效性待验证：2611-0007', body: '投诉 2611-0007 的纠正措施应于 2027-01-19 验证是否有效。' });
    expect(noticeText(en.t, due).title).toBe('Effectiveness check due: 2611-0007');
    const failed = notice('effectiveness_failed', { number: '2611-0007', follow_up_id: '12', evidence: '第 13 批仍有同样的毛刺' }, { complaint_id: 7 });
    expect(noticeText(zh.t, failed)).toEqual({
      title: '措施有效性验证未通过：2611-0007',
      body: '已开立一件关联投诉 2611-0007 的新投诉草稿，请跟进。第 13 批仍有同样的毛刺',
    });
    const tw = await testI18n('zh-TW');
    expect(noticeText(tw.t, failed).title).toBe('措施有效性驗證未通過：2611-0007');
    expect(noticeText(en.t, failed).body).toBe('A new draft complaint linked to 2611-0007 was raised; please follow it up. 第 13 批仍有同样的毛刺');
  });

  it('words a deferral request and its decision in every language', async () => {
    const request = notice('deferral_request', { number: '2611-0007', until: '2027-03-31', reason: '等待客户下批来料验证' }, { complaint_id: 7 });
    expect(noticeText(zh.t, request)).toEqual({
      title: '暂缓关闭待您审批：2611-0007',
      body: '有部门申请将投诉 2611-0007 暂缓至 2027-03-31 关闭：等待客户下批来料验证',
    });
    expect(noticeText(en.t, request).body).toBe('A department asks to defer the closure of complaint 2611-0007 until 2027-03-31: 等待客户下批来料验证');
    const decided = notice('deferral_decided', { number: '2611-0007', outcome: 'rejected', until: '2027-03-31', comment: '请按期结案' }, { complaint_id: 7 });
    expect(noticeText(zh.t, decided)).toEqual({ title: '暂缓关闭申请未批准：2611-0007', body: '投诉 2611-0007 申请暂缓至 2027-03-31 关闭。请按期结案' });
    expect(noticeText(en.t, decided).title).toBe('Deferred closure declined: 2611-0007');
    const tw = await testI18n('zh-TW');
    const approved = { ...decided, params: { ...decided.params, outcome: 'approved', comment: '' } };
    expect(noticeText(tw.t, approved)).toEqual({ title: '暫緩關閉申請已核准：2611-0007', body: '投訴 2611-0007 申請暫緩至 2027-03-31 關閉。' });
  });

  it('words a petition and its decision in every language, the step it sent the case back to too', async () => {
    const raised = notice('petition_raised', { number: '2611-0007', department: '品保部', subject: '责任判定异议' }, { complaint_id: 7 });
    expect(noticeText(zh.t, raised)).toEqual({ title: '签呈待您裁决：2611-0007', body: '品保部就投诉 2611-0007 发起签呈：责任判定异议' });
    expect(noticeText(en.t, raised).body).toBe('品保部 raised a petition on complaint 2611-0007: 责任判定异议');
    const decided = notice(
      'petition_decided',
      { number: '2611-0007', subject: '责任判定异议', decision: '退回品保重新判定', returned_to: 'qa_investigation' },
      { complaint_id: 7 },
    );
    expect(noticeText(zh.t, decided)).toEqual({
      title: '签呈已办结：2611-0007',
      body: '投诉 2611-0007 的签呈「责任判定异议」。本案已退回至「质量调查中」。退回品保重新判定',
    });
    expect(noticeText(en.t, decided).body).toBe('Petition “责任判定异议” on complaint 2611-0007. The case went back to “QA investigation”. 退回品保重新判定');
    const tw = await testI18n('zh-TW');
    // Not sent back (or withdrawn: no decision either): nothing is said of a step.
    const kept = { ...decided, params: { ...decided.params, returned_to: '', decision: '维持原判' } };
    expect(noticeText(tw.t, kept)).toEqual({ title: '簽呈已辦結：2611-0007', body: '投訴 2611-0007 的簽呈「责任判定异议」。维持原判' });
    expect(noticeText(zh.t, { ...kept, params: { ...kept.params, decision: '' } }).body).toBe('投诉 2611-0007 的签呈「责任判定异议」。');
  });

  it('words a supplier request to send and a supplier’s answer to review in every language', async () => {
    const request = notice('supplier_request', { number: '2611-0007', supplier: '江苏华力铸造有限公司', due_on: '2027-01-06' }, { complaint_id: 7 });
    expect(noticeText(zh.t, request)).toEqual({
      title: '供应商纠正要求待发送：2611-0007',
      body: '纠正要求待发送给供应商 江苏华力铸造有限公司，2027-01-06 前回复',
    });
    expect(noticeText(en.t, request).title).toBe('Supplier request to send: 2611-0007');
    const answered = notice('supplier_answered', { number: '2611-0007', supplier: '江苏华力铸造有限公司' }, { complaint_id: 7 });
    expect(noticeText(zh.t, answered)).toEqual({ title: '供应商已回复：2611-0007', body: '供应商 江苏华力铸造有限公司 已回复，待品保审核' });
    const tw = await testI18n('zh-TW');
    expect(noticeText(tw.t, answered)).toEqual({ title: '供應商已回覆：2611-0007', body: '供應商 江苏华力铸造有限公司 已回覆，待品保審核' });
    expect(noticeText(en.t, answered).body).toBe('Supplier 江苏华力铸造有限公司 answered; the answer awaits QA review');
  });

  it('uses only the params the server gives each letter, 8D, effectiveness, deferral, petition, supplier and contact notice', () => {
    const given: Record<string, string[]> = {
      // Notices of letters stored before letters were kept lack letter_id and letter: the words must not need them.
      reminder: ['number', 'state', 'letter_id', 'letter'],
      late_inquiry: ['number', 'state', 'letter_id', 'letter'],
      late_inquiry_answered: ['number', 'state', 'letter_id', 'letter', 'answer'],
      case_reminder: ['number', 'state', 'letter_id', 'letter', 'level'],
      containment_reminder: ['number', 'state', 'letter_id', 'letter', 'level'],
      eight_d_review: ['number', 'name'],
      eight_d_decided: ['number', 'name', 'outcome', 'reason'],
      effectiveness_due: ['number', 'due_on'],
      effectiveness_failed: ['number', 'follow_up_id', 'evidence'],
      deferral_request: ['number', 'until', 'reason'],
      deferral_decided: ['number', 'outcome', 'until', 'comment'],
      petition_raised: ['number', 'department', 'subject'],
      petition_decided: ['number', 'subject', 'decision', 'returned_to'],
      supplier_request: ['number', 'supplier', 'due_on'],
      supplier_answered: ['number', 'supplier'],
      close_confirmation_due: ['number', 'hours'],
      first_reply_late: ['number'],
      close_confirmation_late: ['number'],
      close_not_confirmed: ['number', 'summary'],
    };
    type Tree = { [key: string]: string | Tree };
    for (const catalog of Object.values(catalogs) as unknown as Tree[]) {
      for (const [kind, params] of Object.entries(given)) {
        const texts = (catalog.notices as Tree)[kind] as Record<string, string>;
        for (const text of Object.values(texts)) {
          const used = [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]);
          expect(used.filter((name) => !params.includes(name!)), `${kind}: ${text}`).toEqual([]);
        }
      }
    }
  });

  it('leaves text people wrote exactly as written', () => {
    const braces = notice('reminder', { number: 'KS-1 {{state}}', state: 'draft' }, { complaint_id: 1 });
    expect(noticeText(zh.t, braces).title).toBe('催办单：KS-1 {{state}}');
    expect(noticeText(en.t, braces).title).toBe('Reminder notice: KS-1 {{state}}');

    const nesting = notice('customer_transferred', { ...customer, customer: '$t(state.draft) 公司', reason: '$t(state.draft) {{customer}} {{- reason}}' });
    expect(noticeText(zh.t, nesting)).toEqual({
      title: '客户移交：$t(state.draft) 公司',
      body: '$t(state.draft) {{customer}} {{- reason}}',
    });
    // A value that happens to be a catalog key is not looked up either.
    expect(noticeText(zh.t, notice('visit_reviewed', { ...customer, comment: 'state.draft' })).body).toBe('state.draft');
  });

  it('does so whatever the i18next instance’s own interpolation defaults', async () => {
    const loose = i18next.createInstance();
    await loose.init({
      lng: 'zh-CN',
      resources: { 'zh-CN': { translation: catalogs['zh-CN'] } },
      interpolation: { escapeValue: true, skipOnVariables: false },
    });
    const n = notice('customer_transferred', { ...customer, customer: '<b>公司</b>', reason: '{{customer}} $t(state.draft)' });
    expect(noticeText(loose.t, n)).toEqual({ title: '客户移交：<b>公司</b>', body: '{{customer}} $t(state.draft)' });
  });

  it('keeps a param named like an i18next option as a value', () => {
    const n = notice('customer_handover', { count: '3', from: '张业务' });
    expect(noticeText(zh.t, n).body).toBe('3 名客户自 张业务 移交');
    expect(noticeText(en.t, n).body).toBe('3 customer(s) from 张业务');
  });

  it('shows a code it has no words for as the code, and a value the notice lacks as nothing', () => {
    const n = notice('task', { number: 'KS-2026-0002', state: 'brand_new_state' }, { complaint_id: 2 });
    expect(noticeText(zh.t, n).body).toBe('投诉 KS-2026-0002 已到「brand_new_state」，等您处理。');
    expect(noticeText(zh.t, notice('task', { number: 'KS-2026-0002' })).body).toBe('投诉 KS-2026-0002 已到「」，等您处理。');
  });

  it('shows the server’s words for a notification stored before notifications were data', () => {
    const legacy = notice('reminder', {}, { complaint_id: 3, title: '催办单：2611-0003', body: '请尽快处理「质量调查」。' });
    expect(noticeText(zh.t, legacy)).toEqual({ title: '催办单：2611-0003', body: '请尽快处理「质量调查」。' });
    expect(noticeText(en.t, legacy)).toEqual({ title: '催办单：2611-0003', body: '请尽快处理「质量调查」。' });
  });

  it('shows the server’s words for a kind this build does not know', () => {
    const unknown = notice('brand_new_kind' as Notification['kind'], { number: 'KS-9' });
    expect(noticeText(zh.t, unknown)).toEqual({ title: 'server title', body: 'server body' });
  });
});

describe('the notices catalog', () => {
  type Tree = { [key: string]: string | Tree };
  const at = (tree: Tree, path: string) => path.split('.').reduce<string | Tree | undefined>((v, k) => (typeof v === 'object' ? v[k] : undefined), tree);

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('%s words every kind with a title and a body', (language) => {
    const catalog = catalogs[language] as unknown as Tree;
    for (const kind of NOTICE_KINDS) {
      for (const part of ['title', 'body']) {
        const text = at(catalog, `notices.${kind}.${part}`);
        expect(typeof text === 'string' && text.trim() !== '', `${language} notices.${kind}.${part}`).toBe(true);
      }
    }
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('%s has a group of words for every code param', (language) => {
    const catalog = catalogs[language] as unknown as Tree;
    const codes = at(catalog, 'notices.codes');
    expect(typeof codes).toBe('object');
    for (const [name, prefix] of Object.entries(codes as Tree)) {
      expect(typeof prefix === 'string' && typeof at(catalog, prefix) === 'object', `${language} notices.codes.${name}`).toBe(true);
    }
  });
});
