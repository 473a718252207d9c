import { Card, Col, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { NotifyTable } from './HandoverResultView';

/** What a handover would move: counts, the owned customers, staffed ones and open complaints. */
export function HandoverPreviewCard({ preview: p }: { preview: Schemas['HandoverPreview'] }) {
  const { t } = useTranslation();
  const customerName = (id: number) => p.customers.find((c) => c.customer_id === id)?.name ?? `#${id}`;
  // `visit_plans` is newer than some servers: absent means none.
  const counts = [
    ['owned', p.customers.length],
    ['staffed', p.staffed.length],
    ['openComplaints', p.open_complaints.length],
    ['visitPlans', p.visit_plans ?? 0],
  ] as const;

  return (
    <Card className="kehu-gap" title={<h2 className="kehu-section__title">{t('customers.handover.preview', { name: p.user.name })}</h2>}>
      <Row gutter={16} className="kehu-gap" data-testid="handover-preview">
        {counts.map(([key, value]) => (
          <Col xs={12} md={6} key={key}>
            <Statistic title={t(`customers.handover.${key}`)} value={value} />
          </Col>
        ))}
      </Row>
      <NotifyTable rows={p.customers} caption={t('customers.handover.owned')} />
      {p.staffed.length > 0 && (
        <p className="kehu-gap-top">
          <strong>{t('customers.handover.staffed')}：</strong>
          {p.staffed.map((s) => (
            <Tag key={s.id}>
              <Link to={`/customers/${s.id}`}>{s.name}</Link>
            </Tag>
          ))}
        </p>
      )}
      {p.open_complaints.length > 0 && (
        <p className="kehu-gap-top">
          <strong>{t('customers.handover.openComplaints')}：</strong>
          {p.open_complaints.map((c) => (
            <Tag key={c.id}>
              <Link to={`/complaints/${c.id}`}>{c.number ?? t('complaints.noNumber')}</Link> · {customerName(c.customer_id)} ·{' '}
              {t(`state.${c.state}`, { defaultValue: c.state })}
            </Tag>
          ))}
        </p>
      )}
    </Card>
  );
}
