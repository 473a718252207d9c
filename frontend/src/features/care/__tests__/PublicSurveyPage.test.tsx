import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetSessionForTests } from '../../../api/session';
import { jsonResponse, renderApp } from '../../../test/render';
import { mockApi, problem, type Call } from '../../customers/__tests__/fixtures';

const LEVELS: Record<string, string> = {
  产品质量: '不满意',
  交货期: '很满意',
  价格: '比较满意',
  服务: '很满意',
  与同行比较: '基本满意',
  其他: '很满意',
};

function survey(overrides: Record<string, unknown> = {}) {
  return { customer_name: '宁波汽配制造有限公司', product: '刹车盘', period: '2026-Q4', submitted: false, expires_at: '2099-12-31T00:00:00Z', ...overrides };
}

let answers: Call[] = [];
beforeEach(() => {
  resetSessionForTests();
  answers = [];
});

async function fill(user: ReturnType<typeof userEvent.setup>) {
  for (const [dimension, level] of Object.entries(LEVELS)) {
    const group = screen.getByRole('group', { name: dimension });
    await user.click(within(group).getByLabelText(level));
  }
  await user.type(screen.getByLabelText('产品质量的意见'), '上批有毛刺');
  await user.type(screen.getByLabelText('填写人'), '李娜');
}

describe('the public survey page (no login)', () => {
  it('shows the customer and product, sends the six scores with remarks, and thanks', async () => {
    mockApi({
      '/api/v1/survey-responses/tok1': () => jsonResponse(200, survey()),
      'POST /api/v1/survey-responses/tok1': (call) => {
        answers.push(call);
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/survey/tok1');
    expect(await screen.findByRole('heading', { level: 1, name: '宁波汽配制造有限公司 · 满意度调查' })).toBeInTheDocument();
    expect(screen.getByText('刹车盘')).toBeInTheDocument();

    // Nothing chosen: every dimension asks for a level, nothing is sent.
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findAllByText('请选择满意程度')).toHaveLength(6);
    expect(answers).toHaveLength(0);

    await fill(user);
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('感谢您的反馈！')).toBeInTheDocument();
    expect(answers[0]?.ifMatch).toBeNull();
    expect(answers[0]?.body).toEqual({
      scores: { quality: 1, delivery: 5, price: 4, service: 5, comparison: 3, other: 5 },
      remarks: { quality: '上批有毛刺' },
      respondent: '李娜',
    });
  }, 40_000);

  it('says so when the link was answered meanwhile', async () => {
    mockApi({
      '/api/v1/survey-responses/tok2': () => jsonResponse(200, survey()),
      'POST /api/v1/survey-responses/tok2': () => jsonResponse(409, problem(409, 'already_answered')),
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/survey/tok2');
    await screen.findByRole('heading', { level: 1, name: '宁波汽配制造有限公司 · 满意度调查' });
    await fill(user);
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('此调查已填写')).toBeInTheDocument();
  }, 40_000);

  it('names the complaint whose handling a close confirmation’s survey asks about', async () => {
    mockApi({
      '/api/v1/survey-responses/case1': () => jsonResponse(200, survey({ product: null, period: '2026-12', complaint_number: '2611-0007' })),
      '/api/v1/survey-responses/tok3': () => jsonResponse(200, survey()),
    });
    const first = await renderApp('/survey/case1');
    expect(await screen.findByText('关于投诉 2611-0007 的处理')).toBeInTheDocument();
    first.unmount();
    // A customer survey asks about no complaint: nothing is said of one.
    await renderApp('/survey/tok3');
    await screen.findByRole('heading', { level: 1, name: '宁波汽配制造有限公司 · 满意度调查' });
    expect(screen.queryByTestId('survey-complaint')).not.toBeInTheDocument();
  });

  it('shows an answered or expired link at once, without the form', async () => {
    mockApi({
      '/api/v1/survey-responses/done': () => jsonResponse(200, survey({ submitted: true })),
      '/api/v1/survey-responses/old': () => jsonResponse(200, survey({ expires_at: '2020-01-01T00:00:00Z' })),
    });
    const first = await renderApp('/survey/done');
    expect(await screen.findByText('此调查已填写')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交' })).not.toBeInTheDocument();
    first.unmount();
    await renderApp('/survey/old');
    expect(await screen.findByText('链接已过期')).toBeInTheDocument();
  });
});
