import { Alert, Button, Card, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { placeFieldErrors } from '../../../lib/form-errors';
import { useStartPenaltyRun } from '../api/queries';
import { lastMonth } from '../lib/penalties';

interface Values {
  month: Dayjs;
}

/** Only months that are over may be run. */
const notOver = (d: Dayjs) => !d.isBefore(dayjs().startOf('month'));

/** 启动月度罚扣 (the coordinator): a month that is over, last month by default; then the new run. */
export function StartRunCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const start = useStartPenaltyRun();
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(v: Values) {
    setFailure(null);
    const month = v.month.format('YYYY-MM');
    try {
      const run = await start.mutateAsync(month);
      navigate(`/penalties/${run.id}`);
    } catch (error) {
      const p = problemToFormErrors(error, t);
      if (p.status === 409) {
        setFailure(t('penalties.start.exists', { month }));
        return;
      }
      const rest = placeFieldErrors(form, p.fieldErrors, { isPlaced: (f) => f === 'month', label: () => t('penalties.start.month') });
      if (rest.length > 0 || Object.keys(p.fieldErrors).length === 0) setFailure([p.message, ...rest].join(' '));
    }
  }

  return (
    <Card
      className="kehu-penalties__start"
      title={
        <h2 className="kehu-penalties__h2" id="penalty-start-title">
          {t('penalties.start.title')}
        </h2>
      }
    >
      <p className="kehu-muted">{t('penalties.start.hint')}</p>
      <Form<Values>
        form={form}
        layout="inline"
        name="penalty-start"
        initialValues={{ month: dayjs(`${lastMonth()}-01`) }}
        onFinish={(v) => void submit(v)}
        onValuesChange={() => setFailure(null)}
        className="kehu-penalties__start-form"
        aria-labelledby="penalty-start-title"
      >
        <Form.Item name="month" label={t('penalties.start.month')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker picker="month" format="YYYY-MM" allowClear={false} disabledDate={notOver} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={start.isPending}>
            {t('penalties.start.submit')}
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">{failure && <Alert type="error" showIcon role="alert" message={failure} className="kehu-gap-top" />}</div>
    </Card>
  );
}
