import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemToFormErrors } from '../../../api/problem';
import { PrintFields, PrintLayout } from '../../../components/print/PrintLayout';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { useLetter } from '../api/queries';
import { formatLate } from '../lib/letters';
import { InquiryAnswer } from './InquiryAnswer';
import { LetterStatusTag } from './LetterTags';
import '../letters.css';

/**
 * 催办单 / 洽办单 as the paper the general manager's office sends: which case
 * and step, whose, how late, who sent it and whether it is dealt with; an
 * inquiry's reason (answered here by the late department); the signatures.
 * Printed on A4 without the app around it.
 */
export default function LetterPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const query = useLetter(id);
  const { user } = useSession();
  const locale = i18n.language;

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) {
    const problem = problemToFormErrors(query.error, t);
    const back = (
      <Link to="/tasks">
        <Button icon={<ArrowLeftOutlined />} tabIndex={-1}>
          {t('common.backToTasks')}
        </Button>
      </Link>
    );
    return <Result status={problem.status === 404 ? '404' : 'error'} title={problem.message} extra={back} />;
  }
  const l = query.data;
  const due = t('letters.dueAt', { time: formatDateTime(l.due_at, locale), clock: t(`letters.clock.${l.clock}`) });

  return (
    <div className="kehu-letter">
      <PrintLayout
        company={user?.org_name ?? t('letters.company')}
        title={t(`letters.kind.${l.kind}`)}
        number={l.number}
        numberLabel={t('letters.numberLabel')}
        numberInTitle
        printLabel={t('letters.print')}
        toolbar={
          <Link to={`/complaints/${l.complaint.id}`}>
            <Button icon={<ArrowLeftOutlined />} tabIndex={-1}>
              {t('letters.back')}
            </Button>
          </Link>
        }
        signOff={{
          title: t('letters.signOff'),
          signature: t('letters.signature'),
          date: t('letters.date'),
          rows: [
            // Sent by the system, the office still signs the paper: the line stays blank.
            { label: t('letters.signer.issue'), name: l.issued_by?.name ?? null, date: formatDate(l.issued_at, locale) },
            { label: t('letters.signer.receive') },
            { label: t('letters.signer.manager') },
          ],
        }}
      >
        <PrintFields
          fields={[
            { label: t('letters.complaint'), value: <Link to={`/complaints/${l.complaint.id}`}>{l.complaint.name}</Link> },
            { label: t('letters.customer'), value: l.customer.name },
            { label: t('letters.step'), value: t(`state.${l.step}`, { defaultValue: l.step }) },
            { label: t('letters.department'), value: l.department?.name },
            { label: t('letters.due'), value: due },
            { label: t('letters.late'), value: formatLate(l.late_minutes, t) },
            ...(l.kind === 'reminder' ? [{ label: t('letters.levelLabel'), value: t(`letters.level.${l.level}`, { defaultValue: String(l.level) }) }] : []),
            { label: t('letters.issuedAt'), value: formatDateTime(l.issued_at, locale) },
            { label: t('letters.issuedBy'), value: l.issued_by?.name ?? t('letters.system') },
            { label: t('letters.status'), value: <LetterStatusTag letter={l} />, wide: true },
          ]}
        />
        {l.kind === 'inquiry' && <InquiryAnswer letter={l} onChanged={() => void query.refetch()} />}
      </PrintLayout>
    </div>
  );
}
