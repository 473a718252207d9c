import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Radio, Select, Space, Table, Tag, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { useCalendar, useCalendarDay } from '../api/queries';

type Day = Schemas['CalendarDayView'];
interface Values {
  day?: Dayjs;
  working?: boolean;
  name?: string;
}

/** The holiday calendar: days off and make-up working days, which working-day deadlines follow. */
export function CalendarTab() {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const days = useCalendar(year);
  const { put, remove } = useCalendarDay();
  const [form] = Form.useForm<Values>();
  const [notice, setNotice] = useState<{ type: 'error' | 'success'; text: string } | null>(null);

  async function run(task: () => Promise<unknown>, ok: string) {
    setNotice(null);
    try {
      await task();
      setNotice({ type: 'success', text: ok });
      return true;
    } catch (failure) {
      setNotice({ type: 'error', text: problemToFormErrors(failure, t).message });
      return false;
    }
  }

  async function add(v: Values) {
    if (!v.day) return;
    const day = v.day.format('YYYY-MM-DD');
    const done = await run(() => put.mutateAsync({ day, body: { working: v.working ?? false, name: v.name?.trim() ?? '' } }), t('settings.saved'));
    if (done) form.resetFields();
  }

  const columns: TableProps<Day>['columns'] = [
    { key: 'day', title: t('settings.calendar.day'), render: (_, d) => formatDate(d.day, i18n.language) },
    {
      key: 'working',
      title: t('settings.calendar.type'),
      render: (_, d) => (d.working ? <Tag color="blue">{t('settings.calendar.workingDay')}</Tag> : <Tag color="orange">{t('settings.calendar.dayOff')}</Tag>),
    },
    { key: 'name', title: t('settings.calendar.name'), render: (_, d) => d.name || '—' },
    {
      key: 'actions',
      title: t('settings.actions'),
      render: (_, d) => (
        <Button type="link" danger onClick={() => void run(() => remove.mutateAsync(d.day), t('settings.saved'))}>
          {t('settings.calendar.remove')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Form<Values> form={form} layout="inline" onFinish={add} name="calendar-day" initialValues={{ working: false }} className="kehu-filters">
        <Form.Item name="day" rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker placeholder={t('settings.calendar.day')} aria-label={t('settings.calendar.day')} />
        </Form.Item>
        <Form.Item name="working">
          <Radio.Group
            optionType="button"
            options={[
              { value: false, label: t('settings.calendar.dayOff') },
              { value: true, label: t('settings.calendar.workingDay') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name">
          <Input placeholder={t('settings.calendar.namePlaceholder')} aria-label={t('settings.calendar.name')} maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={put.isPending}>
          {t('settings.calendar.add')}
        </Button>
      </Form>
      {notice && <Alert type={notice.type} showIcon closable message={notice.text} onClose={() => setNotice(null)} className="kehu-gap" role="status" />}
      <Space className="kehu-gap">
        <span>{t('settings.calendar.year')}</span>
        <Select value={year} onChange={setYear} options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))} aria-label={t('settings.calendar.year')} />
      </Space>
      <Table<Day>
        rowKey="day"
        size="middle"
        loading={days.isPending}
        columns={columns}
        dataSource={days.data ?? []}
        pagination={false}
        locale={{ emptyText: t('settings.calendar.empty') }}
      />
    </>
  );
}
