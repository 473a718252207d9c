import { Card, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PrintTable, type PrintColumn } from '../../../components/print/PrintLayout';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatAmount } from '../../../lib/format';
import { sumMoney } from '../../../lib/money';
import { useDepartments } from '../../reference/api/queries';
import { usePenaltyNotice } from '../api/queries';
import { partyOf, type ChargeView, type ItemView } from '../lib/penalties';
import { BackToRun, PrintFrame } from './PrintFrame';
import { SanctionText } from './StateTags';
import '../penalties.css';

/** The three copies of the notice, in order. */
const COPIES = ['stub', 'accounting', 'department'] as const;

/**
 * 奖罚通知单 of one department on A4: its items of the month with their
 * shares and sanctions, then what they charge each person. Drawn up by the
 * GM office's production management group and approved by the general
 * manager, then copied three times: one kept, one for accounting to check,
 * one to the department whose bonuses it deducts. Without `?department=`
 * the department is asked first.
 */
export default function NoticePrintPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('department'));
  const departmentId = params.get('department') && Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
  const departments = useDepartments();
  const query = usePenaltyNotice(id, departmentId);
  const money = (value: string) => formatAmount(value, locale);

  if (departmentId === undefined) {
    const options = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
    return <DepartmentPicker runId={id} options={options} loading={departments.isPending} onPick={(d) => setParams({ department: String(d) })} />;
  }

  const items: PrintColumn<ItemView>[] = [
    { key: 'complaint', title: t('penalties.print.notice.complaint'), render: (i) => i.complaint_number ?? `#${i.complaint_id}` },
    { key: 'party', title: t('penalties.print.notice.party'), render: (i) => partyOf(i) },
    { key: 'ratio', title: t('penalties.print.notice.ratio'), align: 'right', render: (i) => (i.kind === 'share' ? `${i.ratio_percent}%` : '—') },
    { key: 'loss', title: t('penalties.print.notice.loss'), align: 'right', render: (i) => money(i.loss) },
    { key: 'burden', title: t('penalties.print.notice.burden'), align: 'right', render: (i) => money(i.burden) },
    { key: 'sanction', title: t('penalties.print.notice.sanction'), render: (i) => <SanctionText sanction={i.sanction} count={i.sanction_count} /> },
    { key: 'state', title: t('penalties.print.notice.state'), render: (i) => t(`penalties.itemState.${i.state}`, { defaultValue: i.state }) },
  ];
  const charges: PrintColumn<ChargeView>[] = [
    { key: 'person', title: t('penalties.print.notice.person'), render: (c) => c.display_name },
    { key: 'kind', title: t('penalties.print.notice.kind'), render: (c) => t(`penalties.chargeKind.${c.kind}`, { defaultValue: c.kind }) },
    { key: 'amount', title: t('penalties.print.notice.amount'), align: 'right', render: (c) => money(c.amount) },
  ];

  return (
    <PrintFrame
      runId={id}
      query={query}
      title={t('penalties.print.notice.title')}
      runOf={(run) => run}
      copies={{ label: t('penalties.print.notice.copies'), marks: [COPIES.map((c) => t(`penalties.print.notice.copy.${c}`)).join(' · ')] }}
      signers={[
        { label: t('penalties.print.notice.signer.approve'), at: 'approved_at' },
        { label: t('penalties.print.notice.signer.issue') },
        { label: t('penalties.print.notice.signer.check') },
        { label: t('penalties.print.notice.signer.receive') },
      ]}
    >
      {(run) => {
        const onNotice = new Set(run.items.map((i) => i.id));
        const charged = run.charges.filter((c) => onNotice.has(c.item_id));
        const department = departments.data?.find((d) => d.id === departmentId)?.name ?? run.items[0]?.department_name ?? `#${departmentId}`;
        return (
          <>
            <p className="kehu-penalty-print__line" data-testid="notice-line">
              {t('penalties.print.notice.line', { month: run.month, department })}
            </p>
            <PrintTable caption={t('penalties.print.notice.items')} columns={items} rows={run.items} />
            {run.items.length === 0 && <p className="kehu-penalty-print__empty">{t('penalties.print.notice.empty')}</p>}
            <PrintTable
              caption={t('penalties.print.notice.charges')}
              columns={charges}
              rows={charged}
              foot={{ label: t('penalties.print.total'), cells: [money(sumMoney(charged.map((c) => c.amount)))] }}
            />
          </>
        );
      }}
    </PrintFrame>
  );
}

interface PickerProps {
  runId: number;
  options: { value: number; label: string }[];
  loading: boolean;
  onPick: (departmentId: number) => void;
}

/** Which department's notice to print. */
function DepartmentPicker({ runId, options, loading, onPick }: PickerProps) {
  const { t } = useTranslation();
  usePageTitle(t('penalties.print.notice.title'));
  return (
    <article className="kehu-page" aria-labelledby="page-title">
      <Space direction="vertical" size="middle" className="kehu-penalty-notice-pick">
        <BackToRun runId={runId} />
        <Card>
          <Typography.Title level={1} id="page-title" className="kehu-page__title">
            {t('penalties.print.notice.title')}
          </Typography.Title>
          <Typography.Paragraph>{t('penalties.print.notice.pickHint')}</Typography.Paragraph>
          <Select<number>
            showSearch
            optionFilterProp="label"
            placeholder={t('penalties.print.notice.pick')}
            aria-label={t('penalties.print.notice.pick')}
            loading={loading}
            options={options}
            onChange={onPick}
            className="kehu-penalty-notice-pick__select"
          />
        </Card>
      </Space>
    </article>
  );
}
