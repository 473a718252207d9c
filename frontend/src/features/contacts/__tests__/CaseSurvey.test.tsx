import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { problem } from '../../../test/api';
import { jsonResponse, renderApp } from '../../../test/render';
import { closeConfirmation, posts, recordedCloseConfirmation, recordedFirstReply, serveCase } from './fixtures';

type Contact = Schemas['CaseContactView'];

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const surveyOf = () => screen.findByTestId('contact-close_confirmation').then((row) => within(row).getByTestId('case-survey'));

describe('the satisfaction survey sent with the close confirmation', () => {
  it('makes a link and shows its whole address once, with its expiry and a copy button', async () => {
    let contacts: Contact[] = [recordedFirstReply(), closeConfirmation()];
    const calls = serveCase({
      contacts: () => contacts,
      survey: () => {
        contacts = [recordedFirstReply(), closeConfirmation({ survey: { id: 9, sent_at: '2026-12-07T02:00:00Z', expires_at: '2026-12-21T02:00:00Z' } })];
        return jsonResponse(201, { survey_id: 9, token: 'abc123', path: '/survey/abc123', expires_at: '2026-12-21T02:00:00Z' });
      },
    });
    const user = setup();
    await renderApp('/complaints/7');
    const survey = await surveyOf();
    expect(within(survey).queryByRole('textbox')).not.toBeInTheDocument();

    await user.click(within(survey).getByRole('button', { name: '生成满意度调查链接' }));
    const url = await within(survey).findByRole('textbox', { name: '调查链接' });
    expect(url).toHaveValue(`${window.location.origin}/survey/abc123`);
    expect(url).toHaveAttribute('readonly');
    expect(survey).toHaveTextContent('2026-12-21 10:00 前有效');
    expect(survey).toHaveTextContent('链接只显示这一次，请立即复制发给客户。');
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/customer-contacts/close_confirmation/survey-link');
    expect(post.body).toBeNull();

    await user.click(within(survey).getByRole('button', { name: '复制' }));
    // user-event's clipboard stands in for the browser's.
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/survey/abc123`);
    expect(await within(survey).findByRole('button', { name: '已复制' })).toBeInTheDocument();

    // Read again: the survey went out; the link stays shown, and a new one may still be made.
    await waitFor(() => expect(within(survey).getByText('已发送')).toBeInTheDocument());
    expect(survey).toHaveTextContent('2026-12-07 10:00 发送');
    expect(within(survey).getByRole('textbox', { name: '调查链接' })).toBeInTheDocument();
    expect(survey).toHaveTextContent('重新生成后，之前未填写的链接即失效。');
  });

  it('says so when the customer has already answered (409), and shows the answer', async () => {
    let contacts: Contact[] = [closeConfirmation({ survey: { id: 9, sent_at: '2026-12-05T09:05:00Z', expires_at: null } })];
    serveCase({
      contacts: () => contacts,
      survey: () => {
        contacts = [recordedCloseConfirmation({ can_record: true })];
        return jsonResponse(409, problem(409, 'already_answered'));
      },
    });
    const user = setup();
    await renderApp('/complaints/7');
    const survey = await surveyOf();
    await user.click(within(survey).getByRole('button', { name: '生成满意度调查链接' }));
    expect(await within(survey).findByText('客户已答复满意度调查，无需再发送。')).toBeInTheDocument();
    await waitFor(() => expect(within(survey).getByText('已答复')).toBeInTheDocument());
    expect(within(survey).queryByRole('button', { name: '生成满意度调查链接' })).not.toBeInTheDocument();
    expect(within(survey).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('is not offered on a close confirmation the reader may not send it for', async () => {
    serveCase({ contacts: () => [closeConfirmation({ can_send_survey: false, can_record: false })] });
    await renderApp('/complaints/7');
    const row = await screen.findByTestId('contact-close_confirmation');
    expect(within(row).queryByTestId('case-survey')).not.toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });
});
