import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { StepDeadline } from '../StepDeadline';

const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const tag = () => screen.getByTestId('step-deadline').querySelector('.ant-tag') as HTMLElement;

beforeAll(() => initI18n('zh-CN'));

describe('a document step’s deadline', () => {
  it('shows the deadline and the time left while the step is on time', () => {
    render(<StepDeadline dueAt={at(50)} overdue={false} />);
    expect(screen.getByTestId('step-deadline')).toHaveTextContent(/^本步期限 \d{4}-\d{2}-\d{2} \d{2}:\d{2}剩 2 天$/);
    expect(screen.getByTestId('step-deadline')).toHaveAttribute('data-overdue', 'false');
    expect(tag()).not.toHaveClass('ant-tag-error');
  });

  it('turns red once late, by the clock or by the server’s word', () => {
    const { unmount } = render(<StepDeadline dueAt={at(-25)} overdue />);
    expect(tag()).toHaveTextContent('逾期 1 天');
    expect(tag()).toHaveClass('ant-tag-error');
    unmount();
    render(<StepDeadline dueAt={at(0.5)} overdue />);
    expect(tag()).toHaveTextContent('已逾期');
    expect(screen.getByTestId('step-deadline')).toHaveAttribute('data-overdue', 'true');
  });

  it('says 已延期 beside the deadline once the step was extended', () => {
    const { unmount } = render(<StepDeadline dueAt={at(50)} overdue={false} />);
    expect(screen.queryByTestId('step-deadline-extended')).not.toBeInTheDocument();
    unmount();
    render(<StepDeadline dueAt={at(50)} overdue={false} extended />);
    expect(screen.getByTestId('step-deadline-extended')).toHaveTextContent('已延期');
    expect(tag()).toHaveTextContent('剩 2 天');
  });

  it('shows nothing without a deadline', () => {
    const { container } = render(<StepDeadline dueAt={null} overdue={false} />);
    expect(container).toBeEmptyDOMElement();
  });
});
