import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Result, Row, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, problemToFormErrors } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { PageHeading } from '../../../components/PageHeading';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { exportCollectionExclusions, useCollectionExclusions } from '../api/queries';
import { LinesTable, SumsTable } from './ExclusionTables';
import { ReportsNav } from './ReportsNav';
import '../reports.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 客诉金额明细（不计入回款率奖金）: a month's approved complaints with their
 * settlement, summed by salesperson and item, for accounting's collection-rate
 * bonus; the same as a spreadsheet. The server decides who reads it (a sales
 * manager his department) and answers 403 to anyone else.
 */
export default function CollectionExclusionsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const phone = useIsPhone();
  // The month lives in the address (?month=YYYY-MM): last month unless asked.
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month: Dayjs = asked && MONTH.test(asked) ? dayjs(`${asked}-01`) : dayjs().startOf('month').subtract(1, 'month');
  const key = month.format('YYYY-MM');
  const report = useCollectionExclusions(key);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const title = t('exclusions.title');

  const setMonth = (d: Dayjs) =>
    setParams(
      (p) => {
        p.set('month', d.format('YYYY-MM'));
        return p;
      },
      { replace: true },
    );

  async function download() {
    setExporting(true);
    setExportError(null);
    try {
      await exportCollectionExclusions(key, t('exclusions.fileName', { month: key }));
    } catch (failure) {
      setExportError(problemToFormErrors(failure, t).message);
    } finally {
      setExporting(false);
    }
  }

  if (report.error instanceof ApiError && report.error.status === 403) {
    return (
      <section className="kehu-page" aria-labelledby="page-title" data-testid="exclusions-page">
        <PageHeading title={title} />
        <ReportsNav />
        <Result status="403" title={t('exclusions.forbiddenTitle')} subTitle={t('exclusions.forbidden')} />
      </section>
    );
  }

  const controls = (
    <Space wrap>
      <DatePicker
        picker="month"
        allowClear={false}
        aria-label={t('exclusions.month')}
        value={month}
        onChange={(d) => d && setMonth(d)}
        disabledDate={(d) => d.isAfter(dayjs().endOf('month'))}
      />
      <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={exporting} disabled={!report.data} data-testid="exclusions-export">
        {t('exclusions.export')}
      </Button>
    </Space>
  );
  const r = report.data;
  const loading = report.isFetching;

  return (
    <section className="kehu-page" aria-labelledby="page-title" data-testid="exclusions-page">
      <PageHeading title={title} extra={controls} />
      <ReportsNav />
      <div aria-live="polite">
        {exportError && <Alert type="error" showIcon closable role="alert" className="kehu-gap" message={exportError} onClose={() => setExportError(null)} />}
      </div>
      {report.error && <Alert type="error" showIcon className="kehu-gap" message={problemToFormErrors(report.error, t).message} />}
      {r && (
        <>
          <Typography.Paragraph type="secondary">
            {t('exclusions.scope', { month: r.month, from: formatDateTime(r.from, locale), to: formatDateTime(r.to, locale) })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]} className="kehu-gap">
            <Col xs={12} md={8} xl={6}>
              <Card size="small">
                <Statistic title={t('exclusions.cases')} value={r.cases} valueRender={() => <span data-testid="exclusions-cases">{r.cases}</span>} />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={6}>
              <Card size="small">
                <Statistic
                  title={t('exclusions.total')}
                  value={r.total.amount}
                  valueRender={() => <span data-testid="exclusions-total">{formatMoney(r.total.amount, locale, r.total.currency)}</span>}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={<h2 className="kehu-report__card-title">{t('exclusions.sumsTitle')}</h2>} className="kehu-gap">
            <SumsTable rows={r.by_salesperson_item} loading={loading} phone={phone} />
          </Card>
          <Card size="small" title={<h2 className="kehu-report__card-title">{t('exclusions.linesTitle')}</h2>} className="kehu-gap">
            <LinesTable rows={r.lines} loading={loading} phone={phone} />
          </Card>
        </>
      )}
    </section>
  );
}
