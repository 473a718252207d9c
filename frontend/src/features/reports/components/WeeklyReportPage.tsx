import { Alert, Card, Col, ConfigProvider, DatePicker, Result, Row, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, problemToFormErrors } from '../../../api/problem';
import { PageHeading } from '../../../components/PageHeading';
import { formatDate, formatQuantity } from '../../../lib/format';
import { exportWeeklyStatistics, useWeeklyStatistics } from '../api/queries';
import { isFutureWeek, mondayFirst, mondayOf, parseWeek } from '../lib/week';
import { ExportError, ReportButtons, SignOff, useExport } from './ReportTools';
import { ReportsNav } from './ReportsNav';
import { WeekTable } from './WeekTable';
import '../reports.css';
import '../report-print.css';

/** A count with the locale's separators, or a percentage string ("66.67") with its sign. */
function Figure({ title, count, percent, testId }: { title: string; count?: number; percent?: string | null; testId: string }) {
  const { i18n } = useTranslation();
  const shown = count !== undefined ? formatQuantity(count, i18n.language) : percent ? `${percent}%` : '—';
  return (
    <Col xs={12} sm={8} lg={6} xxl={3}>
      <Statistic title={title} value={shown} valueRender={() => <span data-testid={testId}>{shown}</span>} />
    </Col>
  );
}

/**
 * 客户投诉周报: a week's (Monday to Sunday) registered and closed cases, the
 * first-closure rate, the cases past their deadline at its end, the
 * irrational complaints, and the cases by kind and severity; as a workbook
 * too, and on A4. The week lives in the address (?week=YYYY-MM-DD, any of its
 * days); without one the server shows the last week that has ended.
 */
export default function WeeklyReportPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const pickerLocale = useContext(ConfigProvider.ConfigContext).locale?.DatePicker;
  const [params, setParams] = useSearchParams();
  const asked = parseWeek(params.get('week'));
  const report = useWeeklyStatistics(asked?.format('YYYY-MM-DD') ?? null);
  const s = report.data;
  // The week asked for, else the one the server chose.
  const week = asked?.format('YYYY-MM-DD') ?? s?.week ?? null;
  const exp = useExport(() => exportWeeklyStatistics(week!, `${t('weekly.sheet')}-${week}.xlsx`));
  const title = t('weekly.sheet');

  const setWeek = (d: Dayjs) =>
    setParams(
      (p) => {
        p.set('week', mondayOf(d).format('YYYY-MM-DD'));
        return p;
      },
      { replace: true },
    );

  if (report.error instanceof ApiError && report.error.status === 403) {
    return (
      <section className="kehu-page" aria-labelledby="page-title" data-testid="weekly-report">
        <PageHeading title={title} />
        <ReportsNav />
        <Result status="403" subTitle={t('reports.forbidden')} />
      </section>
    );
  }

  const controls = (
    <Space wrap>
      <DatePicker
        picker="week"
        allowClear={false}
        aria-label={t('weekly.week')}
        locale={pickerLocale && mondayFirst(pickerLocale)}
        value={asked ?? (s ? dayjs(s.week) : null)}
        onChange={(d) => d && setWeek(d)}
        disabledDate={(d) => isFutureWeek(d)}
      />
      <ReportButtons exp={exp} disabled={!s || report.isPlaceholderData} />
    </Space>
  );
  const period = s && t('weekly.period', { from: formatDate(s.week, locale), to: formatDate(s.last_day, locale) });

  return (
    <section className="kehu-page kehu-report" aria-labelledby="page-title" data-testid="weekly-report">
      <PageHeading title={title} extra={controls} />
      <ReportsNav />
      <ExportError exp={exp} />
      {report.error && <Alert type="error" showIcon className="kehu-gap" message={problemToFormErrors(report.error, t).message} />}
      {s && (
        <>
          <Typography.Paragraph className="kehu-report__period">
            <span data-testid="weekly-period">{t('weekly.periodLine', { period })}</span>
            <span data-testid="weekly-due">{t('weekly.dueLine', { date: formatDate(s.due_on, locale) })}</span>
          </Typography.Paragraph>
          <Card size="small" className="kehu-gap kehu-report__figures" data-testid="weekly-figures">
            <Row gutter={[16, 12]}>
              <Figure title={t('weekly.registered')} count={s.registered} testId="weekly-registered" />
              <Figure title={t('weekly.closed')} count={s.closed} testId="weekly-closed" />
              <Figure title={t('weekly.firstClosures')} count={s.first_closures} testId="weekly-first-closures" />
              <Figure title={t('weekly.firstClosureRate')} percent={s.first_closure_rate_percent} testId="weekly-first-closure-rate" />
              <Figure title={t('weekly.overdue')} count={s.overdue} testId="weekly-overdue" />
              <Figure title={t('weekly.irrationalFirst')} count={s.irrational_first} testId="weekly-irrational-first" />
              <Figure title={t('weekly.irrationalSecond')} count={s.irrational_second} testId="weekly-irrational-second" />
              <Figure title={t('weekly.irrationalShare')} percent={s.irrational_share_percent} testId="weekly-irrational-share" />
            </Row>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <WeekTable title={t('weekly.byKind')} column={t('weekly.kind')} prefix="kind" rows={s.by_kind} loading={report.isFetching} />
            </Col>
            <Col xs={24} lg={12}>
              <WeekTable title={t('weekly.bySeverity')} column={t('weekly.severity')} prefix="severity" rows={s.by_severity} loading={report.isFetching} />
            </Col>
          </Row>
          <SignOff />
        </>
      )}
    </section>
  );
}
