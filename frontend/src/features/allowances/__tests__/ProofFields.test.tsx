import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../i18n';
import { ProofFields, type ProofFieldsProps } from '../components/ProofFields';

beforeAll(async () => {
  await initI18n('zh-CN');
});

function Harness({ onFinish, ...props }: ProofFieldsProps & { onFinish: (values: unknown) => void }) {
  return (
    <Form layout="vertical" name="proof" onFinish={onFinish}>
      <ProofFields {...props} />
      <Button htmlType="submit">send</Button>
    </Form>
  );
}

describe('ProofFields', () => {
  it('names the group, explains each kind, requires one and leaves the reference optional', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    render(<Harness onFinish={onFinish} />);
    const group = screen.getByRole('radiogroup', { name: '折让证明' });
    expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['invoice_stamped', 'stamped_copy', 'return_certificate']);
    expect(screen.getByLabelText('(a) 原发票盖章')).toHaveAccessibleDescription('原发票由买受人盖统一发票章');
    expect(screen.getByLabelText('(c) 证明单签回')).toHaveAccessibleDescription('销货折让/退回证明单，买受人签章后签回');

    await user.click(screen.getByText('send'));
    await waitFor(() => expect(group.closest('.ant-form-item')).toHaveTextContent('此项为必填'));
    expect(onFinish).not.toHaveBeenCalled();

    await user.click(screen.getByLabelText('(c) 证明单签回'));
    await user.click(screen.getByText('send'));
    await waitFor(() => expect(onFinish).toHaveBeenCalledWith({ proof_kind: 'return_certificate', proof_reference: undefined }));
  });

  it('takes other field names, labels and words, e.g. the return note’s ProofInput (kind, reference)', async () => {
    const onFinish = vi.fn();
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    render(
      <Harness
        onFinish={onFinish}
        kindName="kind"
        referenceName="reference"
        label="退货证明"
        referenceLabel="发票号 / 证明单号"
        words={{ name: 'allowances.proofName', hint: null }}
      />,
    );
    expect(screen.getByRole('radiogroup', { name: '退货证明' })).toBeInTheDocument();
    const certificate = screen.getByLabelText('(c) 证明单签回');
    expect(certificate).not.toHaveAttribute('aria-describedby');
    await user.click(certificate);
    fireEvent.change(screen.getByLabelText('发票号 / 证明单号'), { target: { value: 'No. 2612-07' } });
    await user.click(screen.getByText('send'));
    await waitFor(() => expect(onFinish).toHaveBeenCalledWith({ kind: 'return_certificate', reference: 'No. 2612-07' }));
  });
});
