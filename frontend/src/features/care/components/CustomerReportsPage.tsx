import { Card, Col, InputNumber, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../../api/types';
import { PageHeading } from '../../../components/PageHeading';
import { formatMoney } from '../../../lib/format';
import { CustomerSectionNav } from '../../customers/components/CustomerSectionNav';
import { useGradeReport, usePurchaseReport, useRegionReport, useStandingReport } from '../api/queries';
import '../../customers/customers.css';
import '../care.css';

type StandingRow = Schemas['StandingRow'];

/** "complaints_3" → 投诉 3 起; the other codes by name. */
function useReason() {
  const { t } = useTranslation();
  return (code: string) => {
    const m = /^(complaints_(\d+)|class_([ABC])|credit_(AAA|AA|A|B))$/.exec(code);
    if (m?.[2]) return t('care.reports.reasons.complaints', { count: Number(m[2]) });
    if (m?.[3]) return t('customers.classValue', { value: m[3] });
    if (m?.[4]) return `${t('customer.grade')} ${m[4]}`;
    return t(`care.reports.reasons.${code}`, { defaultValue: code });
  };
}

function StandingTable({ rows, loading, color }: { rows: StandingRow[]; loading: boolean; color: string }) {
  const { t } = useTranslation();
  const reason = useReason();
  return (
    <Table<StandingRow>
      rowKey={(r) => r.customer.id}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('care.reports.noneListed') }}
      columns={[
        { key: 'code', title: t('customers.code'), render: (_, r) => <span className="kehu-mono">{r.code}</span> },
        { key: 'name', title: t('customers.name'), render: (_, r) => <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link> },
        { key: 'why', title: t('care.reports.reasons.title'), render: (_, r) => r.reasons.map((c) => <Tag key={c} color={color}>{reason(c)}</Tag>) },
      ]}
    />
  );
}

/** 报表: customers by grade and class, by region, purchases by quarter, excellent and risky customers. */
export default function CustomerReportsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [year, setYear] = useState(new Date().getFullYear());
  const grades = useGradeReport();
  const regions = useRegionReport();
  const purchases = usePurchaseReport(year);
  const standing = useStandingReport();
  const money = (v: string) => formatMoney(v, locale);
  const count = { align: 'right' as const };
  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <PageHeading title={t('care.pages.reports')} />
      <CustomerSectionNav />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('care.reports.grades')}>
            <Table<Schemas['GradeRow']>
              rowKey="credit_grade"
              size="small"
              loading={grades.isPending}
              dataSource={grades.data ?? []}
              pagination={false}
              columns={[
                { key: 'grade', title: t('customer.grade'), dataIndex: 'credit_grade' },
                { key: 'a', title: t('customers.classValue', { value: 'A' }), dataIndex: 'class_a', ...count },
                { key: 'b', title: t('customers.classValue', { value: 'B' }), dataIndex: 'class_b', ...count },
                { key: 'c', title: t('customers.classValue', { value: 'C' }), dataIndex: 'class_c', ...count },
                { key: 'u', title: t('care.reports.unclassified'), dataIndex: 'unclassified', ...count },
                { key: 't', title: t('care.reports.total'), dataIndex: 'total', ...count },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('care.reports.regions')}>
            <Table<Schemas['RegionRow']>
              rowKey="region"
              size="small"
              loading={regions.isPending}
              dataSource={regions.data ?? []}
              pagination={false}
              columns={[
                { key: 'region', title: t('customers.region'), dataIndex: 'region' },
                { key: 'd', title: t('market.domestic'), dataIndex: 'domestic', ...count },
                { key: 'f', title: t('market.foreign'), dataIndex: 'foreign', ...count },
                { key: 't', title: t('care.reports.total'), dataIndex: 'total', ...count },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={t('care.reports.purchases')}
            extra={<InputNumber aria-label={t('care.reports.year')} size="small" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonBefore={t('care.reports.year')} />}
          >
            <Table<Schemas['PurchaseRow']>
              rowKey={(r) => r.customer.id}
              size="small"
              loading={purchases.isPending}
              dataSource={purchases.data ?? []}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: t('care.reports.noPurchases') }}
              columns={[
                { key: 'code', title: t('customers.code'), render: (_, r) => <span className="kehu-mono">{r.code}</span> },
                { key: 'name', title: t('customers.name'), render: (_, r) => <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link> },
                ...[0, 1, 2, 3].map((q) => ({
                  key: `q${q}`,
                  title: `Q${q + 1}`,
                  align: 'right' as const,
                  render: (_: unknown, r: Schemas['PurchaseRow']) => money(r.quarters[q] ?? '0'),
                })),
                { key: 'total', title: t('care.reports.total'), align: 'right', render: (_, r) => money(r.total) },
                { key: 'discount', title: t('care.reports.discount'), align: 'right', render: (_, r) => money(r.discount) },
                {
                  key: 'margin',
                  title: t('care.reports.margin'),
                  align: 'right',
                  render: (_, r) => (r.gross_margin_percent == null ? '—' : `${r.gross_margin_percent.toFixed(1)}%`),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('care.reports.excellent')}>
            <StandingTable rows={standing.data?.excellent ?? []} loading={standing.isPending} color="green" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('care.reports.risky')}>
            <StandingTable rows={standing.data?.risky ?? []} loading={standing.isPending} color="red" />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
