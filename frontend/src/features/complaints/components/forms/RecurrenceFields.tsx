import { Alert, Button, Form, Select, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemToFormErrors } from '../../../../api/problem';
import type { Schemas } from '../../../../api/types';
import { StateTag } from '../../../../components/CaseTags';
import { formatDate } from '../../../../lib/format';
import { useRecurrence } from '../../api/queries';
import type { ActionFormValues } from '../../lib/actions';

type EarlierCase = Schemas['EarlierCase'];

function caseNumber(c: EarlierCase): string {
  return c.number ?? `#${c.id}`;
}

interface ListProps {
  title: string;
  cases: EarlierCase[];
  empty: string;
  /** Other customers' cases say whose they are. */
  showCustomer?: boolean;
  testId: string;
}

/** One group of earlier complaints, or its own empty sentence. */
function EarlierList({ title, cases, empty, showCustomer, testId }: ListProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="kehu-recurrence__group" data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {cases.length === 0 ? (
        <p className="kehu-muted kehu-recurrence__empty">{empty}</p>
      ) : (
        <ul className="kehu-recurrence__list">
          {cases.map((c) => (
            <li key={c.id} className="kehu-recurrence__item">
              <div className="kehu-recurrence__line">
                {/* A new tab: the drawer keeps what the coordinator has entered so far. */}
                <Link to={`/complaints/${c.id}`} target="_blank" rel="noopener">
                  {caseNumber(c)}
                </Link>
                <span className="kehu-muted">{formatDate(c.created_at, i18n.language)}</span>
                {showCustomer && <span>{c.customer.name}</span>}
                <StateTag state={c.state} />
                {c.severity && <Tag color={c.severity === 'severe' ? 'red' : 'default'}>{t(`severity.${c.severity}`)}</Tag>}
              </div>
              {c.description && <Typography.Paragraph ellipsis={{ rows: 2 }} className="kehu-recurrence__text">{c.description}</Typography.Paragraph>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Registration's look back at the product (重复投诉): the same customer's
 * earlier complaints within the 8D policy's window, which the manual
 * (§4.2.1.4 相同产品或问题连续发生) counts as severe, needing an 8D report,
 * and other customers' for context. The coordinator may link the case to one
 * of the former (`repeat_of`).
 */
export function RecurrenceFields({ complaintId }: { complaintId: number }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<ActionFormValues>();
  const recurrence = useRecurrence(complaintId);
  const severity = Form.useWatch('severity', form);
  const eightD = Form.useWatch('eight_d_requested', form);

  if (recurrence.isPending) return <Skeleton active title={false} paragraph={{ rows: 2 }} className="kehu-gap" />;
  if (!recurrence.data) {
    // Registering does not depend on it: say why it is missing and let the form be used.
    const reason = problemToFormErrors(recurrence.error, t).message;
    return <Alert type="warning" showIcon className="kehu-gap" message={t('recurrence.failed')} description={reason} />;
  }
  const r = recurrence.data;
  const days = r.window_days;
  const applied = severity === 'severe' && eightD === true;

  return (
    <section className="kehu-recurrence kehu-gap" aria-label={t('recurrence.title', { days })} data-testid="recurrence">
      <Typography.Text strong className="kehu-recurrence__title">
        {t('recurrence.title', { days })}
      </Typography.Text>
      {r.product_number && <span className="kehu-muted"> · {r.product_number}</span>}
      {r.suggests_severe && (
        <Alert
          type="warning"
          showIcon
          className="kehu-recurrence__alert"
          data-testid="recurrence-severe"
          message={t('recurrence.severeTitle')}
          description={
            <>
              <p className="kehu-recurrence__text">{t('recurrence.severeDetail')}</p>
              <Button size="small" disabled={applied} onClick={() => form.setFieldsValue({ severity: 'severe', eight_d_requested: true })}>
                {t('recurrence.registerSevere')}
              </Button>
            </>
          }
        />
      )}
      <EarlierList title={t('recurrence.sameCustomer')} cases={r.same_customer} empty={t('recurrence.noneSame', { days })} testId="recurrence-same" />
      {r.same_customer.length > 0 && (
        <Form.Item name="repeat_of" label={t('recurrence.repeatOf')} extra={t('recurrence.repeatOfHint')}>
          <Select
            allowClear
            placeholder={t('recurrence.notRepeat')}
            options={r.same_customer.map((c) => ({ value: c.id, label: `${caseNumber(c)} · ${formatDate(c.created_at, i18n.language)}` }))}
          />
        </Form.Item>
      )}
      <EarlierList
        title={t('recurrence.otherCustomers')}
        cases={r.other_customers}
        empty={t('recurrence.noneOther', { days })}
        showCustomer
        testId="recurrence-other"
      />
    </section>
  );
}
