import { Alert, Card, Col, DatePicker, Result, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { PageHeading } from '../../../components/PageHeading';
import { formatDateTime, formatMoney, formatQuantity } from '../../../lib/format';
import { exportMonthlyStatistics, useMonthlyStatistics } from '../api/queries';
import { ExportError, ReportButtons, SignOff, useExport } from './ReportTools';
import { ReportsNav } from './ReportsNav';
import '../reports.css';
import '../report-print.css';

type Group = Schemas['GroupView'];
type Breakdown = Schemas['Breakdown'];
type Share = Schemas['DepartmentShareView'];

const TOPS = [10, 20, 50, 200];
const NONE = '(none)';

/** A breakdown's rows with the "others" row last. */
function rows(b: Breakdown): Group[] {
  return b.others ? [...b.items, b.others] : b.items;
}

function GroupTable({ title, breakdown, label, loading }: { title: string; breakdown: Breakdown; label: (g: Group) => React.ReactNode; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const money = (m: Schemas['MoneyView']) => formatMoney(m.amount, i18n.language, m.currency);
  const right = { align: 'right' as const };
  return (
    <Card size="small" title={title}>
      <Table<Group>
        rowKey={(g) => (g === breakdown.others ? ' others' : g.key)}
        size="small"
        loading={loading}
        dataSource={rows(breakdown)}
        pagination={false}
        locale={{ emptyText: t('reports.noCases') }}
        rowClassName={(g) => (g === breakdown.others ? 'kehu-report__others' : '')}
        columns={[
          { key: 'item', title: title, render: (_, g) => (g === breakdown.others ? t('reports.others') : label(g)) },
          { key: 'cases', title: t('reports.cases'), dataIndex: 'cases', ...right },
          { key: 'defective', title: t('reports.defective'), dataIndex: 'defective_quantity', ...right },
          { key: 'settlement', title: t('reports.settlement'), render: (_, g) => money(g.settlement), ...right },
          { key: 'loss', title: t('reports.loss'), render: (_, g) => money(g.loss), ...right },
        ]}
      />
    </Card>
  );
}

/**
 * 报表: the monthly complaint statistics table (客户投诉案件统计表) of a month's
 * closed cases, with the month's still-open cases apart; as a workbook too, and on A4.
 */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // The month lives in the address (?month=YYYY-MM), so a report can be linked;
  // without one, the month under way (as the server counts it too).
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month: Dayjs = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? dayjs(`${asked}-01`) : dayjs().startOf('month');
  const setMonth = (d: Dayjs) =>
    setParams(
      (p) => {
        p.set('month', d.format('YYYY-MM'));
        return p;
      },
      { replace: true },
    );
  const [top, setTop] = useState(20);
  const key = month.format('YYYY-MM');
  const stats = useMonthlyStatistics(key, top);
  const exp = useExport(() => exportMonthlyStatistics(key, top, `${t('reports.sheet')}-${key}.xlsx`));
  const money = (m: Schemas['MoneyView']) => formatMoney(m.amount, locale, m.currency);
  const code = (prefix: string) => (g: Group) => (g.key === NONE ? t('reports.unspecified') : t(`${prefix}.${g.key}`, { defaultValue: g.key }));
  const controls = (
    <Space wrap>
      <DatePicker
        picker="month"
        allowClear={false}
        aria-label={t('reports.month')}
        value={month}
        onChange={(d) => d && setMonth(d)}
        disabledDate={(d) => d.isAfter(dayjs().endOf('month'))}
      />
      <Select
        aria-label={t('reports.top')}
        value={top}
        onChange={setTop}
        options={TOPS.map((n) => ({ value: n, label: t('reports.topN', { n }) }))}
        style={{ minWidth: 120 }}
      />
      <ReportButtons exp={exp} disabled={!stats.data || stats.isPlaceholderData} />
    </Space>
  );

  if (stats.error instanceof ApiError && stats.error.status === 403) {
    return (
      <section className="kehu-page" aria-labelledby="page-title">
        <PageHeading title={t('pages.reports.title')} />
        <ReportsNav />
        <Result status="403" subTitle={t('reports.forbidden')} />
      </section>
    );
  }
  const s = stats.data;
  const loading = stats.isFetching;
  return (
    <section className="kehu-page kehu-report kehu-report--monthly" aria-labelledby="page-title">
      <PageHeading title={t('pages.reports.title')} extra={controls} />
      <ReportsNav />
      <Typography.Title level={2} className="kehu-report__title">
        {t('reports.monthlyTitle', { month: key })}
      </Typography.Title>
      <ExportError exp={exp} />
      {stats.error && <Alert type="error" showIcon className="kehu-gap" message={stats.error.message} />}
      {s && (
        <>
          <Typography.Paragraph type="secondary">
            {t('reports.scope', { from: formatDateTime(s.from, locale), to: formatDateTime(s.to, locale) })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]} className="kehu-gap">
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('reports.closed')} value={s.closed} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('reports.firstClosures')} value={s.first_closures} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('reports.firstClosureRate')} value={s.first_closure_rate_percent ?? '—'} suffix={s.first_closure_rate_percent ? '%' : undefined} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('reports.repeats')} value={s.repeats} />
              </Card>
            </Col>
            {/* Irrational complaints are counted apart (seed 002 §7.7.1), beside the repeats. */}
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('reports.irrationalFirst')} value={s.irrational_first} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic title={t('reports.irrationalSecond')} value={s.irrational_second} />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={12}>
              <Card size="small">
                <Statistic title={t('reports.settlementTotal')} value={money(s.settlement_total)} />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={12}>
              <Card size="small">
                <Statistic title={t('reports.lossTotal')} value={money(s.loss_total)} />
              </Card>
            </Col>
          </Row>
          {/* Registered this month and still open: apart from the closed cases the table counts. */}
          <Card
            size="small"
            className="kehu-gap kehu-report__open"
            title={<h2 className="kehu-report__card-title">{t('reports.open')}</h2>}
            data-testid="monthly-open"
          >
            <Row gutter={[16, 12]}>
              <Col xs={12} md={8} xl={4}>
                <Statistic title={t('reports.cases')} value={formatQuantity(s.open, locale)} />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Statistic
                  title={t('reports.openOverdue')}
                  value={formatQuantity(s.open_overdue, locale)}
                  valueStyle={s.open_overdue > 0 ? { color: '#cf1322' } : undefined}
                />
              </Col>
            </Row>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <GroupTable title={t('reports.byClosure')} breakdown={s.by_closure} label={code('closure')} loading={loading} />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable title={t('reports.byKind')} breakdown={s.by_kind} label={code('kind')} loading={loading} />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable title={t('reports.bySeverity')} breakdown={s.by_severity} label={code('severity')} loading={loading} />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable title={t('reports.byResolution')} breakdown={s.by_resolution} label={code('resolution')} loading={loading} />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable title={t('reports.byCause')} breakdown={s.by_cause} label={code('nonQualityCause')} loading={loading} />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable
                title={t('reports.byProduct')}
                breakdown={s.by_product}
                label={(g) => (g.key === NONE ? t('reports.unspecified') : <span className="kehu-mono">{g.key}</span>)}
                loading={loading}
              />
            </Col>
            <Col xs={24}>
              <GroupTable
                title={t('reports.byCustomer')}
                breakdown={s.by_customer}
                label={(g) => <Link to={`/customers/${g.key}`}>{g.name ?? `#${g.key}`}</Link>}
                loading={loading}
              />
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('reports.byDepartment')}>
                <Table<Share>
                  rowKey="department_id"
                  size="small"
                  loading={loading}
                  dataSource={s.by_department}
                  pagination={false}
                  locale={{ emptyText: t('reports.noCases') }}
                  columns={[
                    { key: 'name', title: t('reports.department'), render: (_, d) => d.name ?? `#${d.department_id}` },
                    { key: 'cases', title: t('reports.cases'), dataIndex: 'cases', align: 'right' },
                    {
                      key: 'ratio',
                      title: t('reports.ratioSum'),
                      align: 'right',
                      render: (_, d) => t('reports.caseEquivalents', { n: (d.ratio_percent_sum / 100).toFixed(2) }),
                    },
                    { key: 'loss', title: t('reports.lossShare'), align: 'right', render: (_, d) => money(d.loss_share) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <SignOff />
        </>
      )}
    </section>
  );
}
