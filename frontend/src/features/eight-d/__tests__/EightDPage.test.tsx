import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { draftSections, eightDView, users } from './fixtures';

let current: Schemas['EightDView'] = eightDView();
let calls: Call[] = [];
let submitAnswer: () => Response = () => jsonResponse(200, current);

const sectionCard = (name: string) => screen.getByTestId(`section-${name}`);

beforeEach(() => {
  current = eightDView();
  submitAnswer = () => jsonResponse(200, { ...current, state: 'in_review', can_edit: false, available_actions: [], version: current.version + 1 });
  signInForTests({ id: 4, username: 'qa', display_name: '刘品保', department_id: 4, department_name: '质量管理部', roles: ['qa'] });
  calls = mockApi({
    '/api/v1/complaints/7/8d': () => jsonResponse(200, current, { ETag: `"${current.version}"` }),
    'PUT /api/v1/complaints/7/8d': (call) => {
      const report = call.body as Schemas['EightDReport'];
      current = { ...current, report, version: current.version + 1, sections: draftSections({ problem: { prefilled: false } }) };
      return jsonResponse(200, current);
    },
    'POST /api/v1/complaints/7/8d/actions/submit': () => submitAnswer(),
    'POST /api/v1/complaints/7/8d/actions/send_back': (call) => jsonResponse(200, { ...current, state: 'draft', review_comment: (call.body as { comment: string }).comment, available_actions: [] }),
    'POST /api/v1/complaints/7/8d/actions/approve': () => jsonResponse(200, { ...current, state: 'approved', available_actions: [], approved_by: { id: 8, name: '周经理' }, approved_at: '2026-12-13T02:00:00Z' }),
    '/api/v1/users': () => jsonResponse(200, { items: users, next_cursor: null }),
    '/api/v1/departments': () => jsonResponse(200, []),
  });
});

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });

describe('the 8D report page', () => {
  it('shows the progress and the prefilled sections, and saves the whole report with If-Match', async () => {
    const user = setup();
    await renderApp('/complaints/7/8d');
    expect(await screen.findByRole('heading', { level: 1, name: '2611-0007-BRK-1' })).toBeInTheDocument();
    expect(screen.getByTestId('eight-d-state')).toHaveTextContent('草稿');
    expect(screen.getByText('需 8D 报告')).toBeInTheDocument();
    expect(screen.getByTestId('progress-summary')).toHaveTextContent('2/8 节已完成');
    expect(within(screen.getByTestId('progress-team')).getByText('预填')).toBeInTheDocument();
    expect(within(screen.getByTestId('progress-actions')).getByText('缺 1 项')).toBeInTheDocument();
    expect(within(sectionCard('problem')).getByText('预填')).toBeInTheDocument();
    expect(within(sectionCard('problem')).getByRole('heading', { level: 2 })).toHaveTextContent('D2 问题描述');

    const problemText = within(sectionCard('problem')).getByLabelText('问题描述');
    await user.clear(problemText);
    await user.type(problemText, '镀层起泡');
    // Changed: no longer as prefilled, in the card and in the progress.
    expect(within(sectionCard('problem')).queryByText('预填')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('progress-problem')).queryByText('预填')).not.toBeInTheDocument();
    expect(within(sectionCard('team')).getByText('预填')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存 8D 报告。');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"3"');
    expect(put.body).toEqual({
      team: [
        { user_id: 1, role: 'sales_rep' },
        { user_id: 4, role: 'leader' },
      ],
      problem: '镀层起泡',
      containment: [{ measure: 'reinspection', description: '库存 2,000 件全检', done_on: null }],
      root_cause: { methods: [], cause: '' },
      actions: [],
      verification: { works: null, no_new_problem: null, prevents_recurrence: null },
      prevention: { documents: [], note: null },
      closure: null,
    });
  });

  it('keeps the edits and says so when someone saved meanwhile (412)', async () => {
    const user = setup();
    mockApi({
      '/api/v1/complaints/7/8d': () => jsonResponse(200, current),
      'PUT /api/v1/complaints/7/8d': () => jsonResponse(412, problem(412, 'precondition_failed')),
      '/api/v1/users': () => jsonResponse(200, { items: users, next_cursor: null }),
      '/api/v1/departments': () => jsonResponse(200, []),
    });
    await renderApp('/complaints/7/8d');
    const problemText = await within(await screen.findByTestId('section-problem')).findByLabelText('问题描述');
    await user.clear(problemText);
    await user.type(problemText, '新的描述');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/此 8D 报告刚被他人修改/)).toBeInTheDocument();
    expect(problemText).toHaveValue('新的描述');
  });

  it('shows what a refused submit says is missing next to its sections', async () => {
    const user = setup();
    current = eightDView({ report: { ...eightDView().report, actions: [{ action: '加装温控报警', owner_id: 4, due_on: '2026-12-10', done_on: null }] } });
    submitAnswer = () =>
      jsonResponse(
        422,
        problem(422, 'validation_failed', [
          { field: 'actions[0].done_on', code: 'required', message: 'required' },
          { field: 'verification.works.evidence', code: 'required', message: 'required' },
        ]),
      );
    await renderApp('/complaints/7/8d');
    await user.click(await screen.findByRole('button', { name: '提交审核' }));
    expect(await screen.findByText('尚有内容未完成，不能提交审核。请补齐各节标出的项目。')).toBeInTheDocument();
    const submit = calls.find((c) => c.path.endsWith('/actions/submit'))!;
    expect(submit.ifMatch).toBe('"3"');
    expect(within(screen.getByTestId('gaps-actions')).getByText('第 1 项 · 完成日期：此项为必填')).toBeInTheDocument();
    expect(within(screen.getByTestId('gaps-verification')).getByText('能使现存问题得到改善 · 验证依据：此项为必填')).toBeInTheDocument();
    // Nothing was changed, so nothing was saved first.
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('shows the QA manager’s comments on a draft sent back', async () => {
    current = eightDView({ review_comment: '根本原因须附试验数据' });
    await renderApp('/complaints/7/8d');
    expect(await screen.findByTestId('review-comment')).toHaveTextContent('品保部经理的意见根本原因须附试验数据');
  });
});

describe('the QA manager’s review', () => {
  beforeEach(() => {
    signInForTests({ id: 8, username: 'qa_manager', display_name: '周经理', department_id: 4, department_name: '质量管理部', roles: ['qa_manager'] });
    current = eightDView({ state: 'in_review', can_edit: false, available_actions: ['approve', 'send_back'], version: 5 });
  });

  it('sends it back only with comments', async () => {
    const user = setup();
    await renderApp('/complaints/7/8d');
    expect(await screen.findByText(/本报告等待您核准/)).toBeInTheDocument();
    // Read-only: the report's text, no fields.
    expect(within(sectionCard('problem')).getByText('法兰盘镀层起泡，客户来料检验发现 250 件不良')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '退回' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '退回' }));
    expect(await within(drawer).findByText('此项为必填')).toBeInTheDocument();
    expect(calls.some((c) => c.path.endsWith('/send_back'))).toBe(false);

    await user.type(within(drawer).getByLabelText('意见'), '根本原因须附试验数据');
    await user.click(within(drawer).getByRole('button', { name: '退回' }));
    await screen.findByText('已退回 8D 报告，小组可修改后再提交。');
    const post = calls.find((c) => c.path.endsWith('/send_back'))!;
    expect(post.ifMatch).toBe('"5"');
    expect(post.body).toEqual({ comment: '根本原因须附试验数据' });
  });

  it('approves it', async () => {
    const user = setup();
    await renderApp('/complaints/7/8d');
    await user.click(await screen.findByRole('button', { name: '核准' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '核准' }));
    await screen.findByText('已核准 8D 报告。');
    const post = calls.find((c) => c.path.endsWith('/approve'))!;
    expect(post.method).toBe('POST');
    expect(post.ifMatch).toBe('"5"');
    await waitFor(() => expect(screen.getByTestId('eight-d-state')).toHaveTextContent('已核准'));
  });
});
