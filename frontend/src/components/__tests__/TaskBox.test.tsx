import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { TaskBox, type TaskRowProps } from '../TaskBox';

interface Item {
  id: number;
  name: string;
  late?: boolean;
  customer?: string;
}

const items: Item[] = [
  { id: 2, name: 'B-2', customer: '苏州精密机械有限公司' },
  { id: 1, name: 'A-1', late: true },
];

function row(item: Item): TaskRowProps {
  return {
    to: `/things/${item.id}`,
    label: `打开 ${item.name}`,
    overdue: item.late,
    number: item.name,
    tags: <span>标签</span>,
    customer: item.customer,
    meta: item.late && <span className="kehu-task__action">待处理</span>,
    detail: item.late ? <div className="reason">原因</div> : undefined,
    mainClassName: item.late ? 'is-special' : undefined,
    due: <span>2026-12-01</span>,
  };
}

function renderBox(order?: (a: Item, b: Item) => number) {
  return render(
    <MemoryRouter>
      <TaskBox titleId="things-title" title="待办事项" items={items} order={order} row={row} />
    </MemoryRouter>,
  );
}

describe('a task box', () => {
  it('is a section named by its heading, with a list of the same name', () => {
    renderBox();
    const heading = screen.getByRole('heading', { level: 2, name: '待办事项' });
    expect(heading).toHaveAttribute('id', 'things-title');
    expect(heading.closest('section')).toHaveAttribute('aria-labelledby', 'things-title');
    expect(screen.getByLabelText('待办事项', { selector: '.kehu-tasks' })).toBeInTheDocument();
  });

  it('keeps the given order, or sorts a copy by the one passed', () => {
    const { unmount } = renderBox();
    expect(screen.getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['/things/2', '/things/1']);
    unmount();
    renderBox((a, b) => a.id - b.id);
    expect(screen.getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['/things/1', '/things/2']);
    expect(items.map((i) => i.id)).toEqual([2, 1]);
  });

  it('makes each row one link with its title, secondary lines and due column', () => {
    renderBox();
    const plain = screen.getByRole('link', { name: '打开 B-2' });
    expect(plain).toHaveClass('kehu-task__link');
    expect(plain).not.toHaveClass('is-overdue');
    expect(plain.closest('.kehu-task')).not.toBeNull();
    expect(plain.querySelector('.kehu-task__main')?.className).toBe('kehu-task__main');
    expect(within(plain).getByText('B-2')).toHaveClass('kehu-task__number');
    expect(plain.querySelector('.kehu-task__title')).toHaveTextContent('B-2标签');
    expect(plain.querySelector('.kehu-task__customer')).toHaveTextContent('苏州精密机械有限公司');
    // The secondary line stays even with nothing on it.
    expect(plain.querySelector('.kehu-task__meta')).toBeEmptyDOMElement();
    expect(plain.querySelector('.kehu-task__due')).toHaveTextContent('2026-12-01');
    expect(plain.querySelector('.kehu-task__chevron')).toHaveAttribute('aria-hidden');

    const late = screen.getByRole('link', { name: '打开 A-1' });
    expect(late).toHaveClass('kehu-task__link', 'is-overdue');
    expect(late.querySelector('.kehu-task__main')).toHaveClass('kehu-task__main', 'is-special');
    expect(late.querySelector('.kehu-task__customer')).toBeNull();
    expect(within(late).getByText('待处理', { selector: '.kehu-task__meta > .kehu-task__action' })).toBeInTheDocument();
    expect(late.querySelector('.kehu-task__meta + .reason')).toHaveTextContent('原因');
  });
});
