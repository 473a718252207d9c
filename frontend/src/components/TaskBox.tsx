import { RightOutlined } from '@ant-design/icons';
import { List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import './task-box.css';

/** What one task row shows; the row as a whole is a link to where the task is done. */
export interface TaskRowProps {
  to: string;
  /** The link's accessible name: read out, the row's tags, dates and meta would be a jumble. */
  label: string;
  /** A red edge on the row (`is-overdue`). */
  overdue?: boolean;
  /** The bold number or name leading the title line. */
  number: ReactNode;
  /** After the number on the title line: state tags and the like. */
  tags?: ReactNode;
  /** A line of its own under the title; the line is left out when undefined. */
  customer?: ReactNode;
  /** The secondary line's spans (they wrap on a phone); the line is there even when empty. */
  meta?: ReactNode;
  /** Under the secondary line, when a box has more to say (the deferral's reason). */
  detail?: ReactNode;
  /** Added to the main column's class, for a box's own styling. */
  mainClassName?: string;
  /** On the right, before the chevron: the deadline or the date. */
  due: ReactNode;
}

export function TaskRow({ to, label, overdue = false, number, tags, customer, meta, detail, mainClassName, due }: TaskRowProps) {
  return (
    <List.Item className="kehu-task">
      <Link to={to} className={overdue ? 'kehu-task__link is-overdue' : 'kehu-task__link'} aria-label={label}>
        <div className={mainClassName ? `kehu-task__main ${mainClassName}` : 'kehu-task__main'}>
          <div className="kehu-task__title">
            <span className="kehu-task__number">{number}</span>
            {tags}
          </div>
          {customer !== undefined && <div className="kehu-task__customer">{customer}</div>}
          <div className="kehu-task__meta">{meta}</div>
          {detail}
        </div>
        <div className="kehu-task__due">
          {due}
          <RightOutlined aria-hidden className="kehu-task__chevron" />
        </div>
      </Link>
    </List.Item>
  );
}

interface TaskListProps<T extends { id: number }> {
  /** The list's accessible name. */
  label: string;
  items: readonly T[];
  /** Sorts a copy of the items; without it they show in the order given. */
  order?: (a: T, b: T) => number;
  /** Called while the list renders, so it takes no hooks: read them in the caller. */
  row: (item: T) => TaskRowProps;
}

export function TaskList<T extends { id: number }>({ label, items, order, row }: TaskListProps<T>) {
  return (
    <List<T>
      className="kehu-tasks"
      aria-label={label}
      dataSource={order ? [...items].sort(order) : [...items]}
      rowKey="id"
      renderItem={(item) => <TaskRow {...row(item)} />}
    />
  );
}

interface TaskBoxProps<T extends { id: number }> extends Omit<TaskListProps<T>, 'label'> {
  /** The heading's id, which names the section. */
  titleId: string;
  /** The heading, and the list's name too. */
  title: string;
}

/**
 * A titled box of tasks on My tasks (return applications, allowance
 * certificates, 8D reports, …). It shows whatever it is given: the page
 * leaves a box out while its list is loading, failed or empty.
 */
export function TaskBox<T extends { id: number }>({ titleId, title, ...list }: TaskBoxProps<T>) {
  return (
    <section className="kehu-gap-top" aria-labelledby={titleId}>
      <Typography.Title level={2} id={titleId} className="kehu-form__section">
        {title}
      </Typography.Title>
      <TaskList label={title} {...list} />
    </section>
  );
}
