import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form, Input } from 'antd';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/problem';
import { initI18n } from '../../../i18n';
import type { ActionOutcome, FailureRules } from '../failure';
import { FormDrawer } from '../FormDrawer';

interface Values {
  reason?: string;
}

const invalid = new ApiError(422, {
  type: 't',
  title: 'x',
  status: 422,
  detail: 'd',
  code: 'validation_failed',
  errors: [
    { field: 'reason', code: 'required', message: 'x' },
    { field: 'version', code: 'too_long', message: 'x' },
  ],
});
const stale = new ApiError(412, { type: 't', title: 'x', status: 412, detail: 'changed', code: 'precondition_failed' });
const conflict = new ApiError(409, { type: 't', title: 'x', status: 409, detail: 'already closed', code: 'conflict' });

/** A page with a button that opens a one-field drawer whose action fails (or not) as told. */
function Page({ fail, failure }: { fail: () => unknown; failure?: FailureRules }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(0);
  return (
    <>
      <button onClick={() => setOpen(true)}>open</button>
      <span data-testid="done">{done}</span>
      <FormDrawer<Values>
        open={open}
        title="Close follow-up"
        submitLabel="Send"
        onClose={() => setOpen(false)}
        onSubmit={async () => {
          const error = fail();
          if (error) throw error;
          setDone((n) => n + 1);
          setOpen(false);
        }}
        busy={false}
        failure={failure}
        name="test-drawer"
        initialValues={{ reason: 'first words' }}
      >
        <Form.Item name="reason" label="Reason">
          <Input />
        </Form.Item>
      </FormDrawer>
    </>
  );
}

async function openDrawer(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'open' }));
  return screen.findByRole('dialog');
}

beforeAll(async () => {
  await initI18n('zh-CN');
});

describe('FormDrawer', () => {
  it('opens with the initial values each time, whatever was typed before', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Page fail={() => null} />);
    let drawer = await openDrawer(user);
    const reason = within(drawer).getByLabelText('Reason');
    expect(reason).toHaveValue('first words');
    await user.clear(reason);
    await user.type(reason, 'changed my mind');
    await user.click(within(drawer).getByRole('button', { name: /取\s?消/ }));
    await waitFor(() => expect(screen.queryByLabelText('Reason')).not.toBeInTheDocument());

    drawer = await openDrawer(user);
    expect(within(drawer).getByLabelText('Reason')).toHaveValue('first words');
    await user.click(within(drawer).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByTestId('done')).toHaveTextContent('1'));
  });

  it('puts field messages at their fields, lists the rest, and clears a message once its field is edited', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Page fail={() => invalid} failure={{ fields: ['reason'], fieldLabel: (f) => `«${f}»` }} />);
    const drawer = await openDrawer(user);
    await user.click(within(drawer).getByRole('button', { name: 'Send' }));

    const alert = await within(drawer).findByRole('alert');
    expect(alert).toHaveTextContent('请检查标出的字段');
    expect(alert).toHaveTextContent('«version»: 内容过长');
    expect(alert.closest('.ant-alert-error')).not.toBeNull();
    expect(await within(drawer).findByText('此项为必填')).toBeInTheDocument();

    await user.type(within(drawer).getByLabelText('Reason'), '!');
    await waitFor(() => expect(within(drawer).queryByText('此项为必填')).not.toBeInTheDocument());
  });

  it('on a 412 asks the page to refetch and stays open with a warning', async () => {
    const user = userEvent.setup({ delay: null });
    const outcome: ActionOutcome = { onConflict: vi.fn(), onStale: vi.fn() };
    render(<Page fail={() => stale} failure={{ outcome, messages: { 412: 'Changed meanwhile.' } }} />);
    const drawer = await openDrawer(user);
    await user.click(within(drawer).getByRole('button', { name: 'Send' }));

    const alert = await within(drawer).findByRole('alert');
    expect(alert).toHaveTextContent('Changed meanwhile.');
    expect(alert.closest('.ant-alert-warning')).not.toBeNull();
    expect(outcome.onStale).toHaveBeenCalledTimes(1);
    expect(outcome.onConflict).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('on a 409 leaves it to the page, with the server’s words', async () => {
    const user = userEvent.setup({ delay: null });
    const outcome: ActionOutcome = { onConflict: vi.fn(), onStale: vi.fn() };
    render(<Page fail={() => conflict} failure={{ outcome }} />);
    const drawer = await openDrawer(user);
    await user.click(within(drawer).getByRole('button', { name: 'Send' }));

    await waitFor(() => expect(outcome.onConflict).toHaveBeenCalledWith(expect.any(String), 'already closed'));
    expect(within(drawer).queryByRole('alert')).not.toBeInTheDocument();
    expect(outcome.onStale).not.toHaveBeenCalled();
  });
});
