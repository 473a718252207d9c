import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useCustomerVisits } from '../api/queries';
import { usePaneFeedback } from './PaneFeedback';
import { VisitPlanDrawer } from './VisitPlanDrawer';
import { VisitStepDrawer, type VisitStepName } from './VisitStepDrawer';
import { VisitTable } from './VisitTable';
import '../care.css';

type Visit = Schemas['VisitView'];

/** 回访: the customer's visits; plan one, then record, report and review it. */
export default function VisitsPane({ customer: c }: { customer: Schemas['CustomerView'] }) {
  const { t } = useTranslation();
  const visits = useCustomerVisits(c.id);
  const [planning, setPlanning] = useState(false);
  const [open, setOpen] = useState<{ visit: Visit; step: VisitStepName } | null>(null);
  const close = () => {
    setPlanning(false);
    setOpen(null);
  };
  const feedback = usePaneFeedback(() => void visits.refetch(), close);
  return (
    <div className="kehu-care-pane">
      {feedback.node}
      {c.status === 'active' && (
        <Button icon={<PlusOutlined />} className="kehu-gap" onClick={() => setPlanning(true)}>
          {t('care.visit.plan')}
        </Button>
      )}
      <VisitTable visits={visits.data ?? []} loading={visits.isPending} onStep={(visit, step) => setOpen({ visit, step })} />
      <VisitPlanDrawer customerId={c.id} open={planning} onClose={close} onDone={() => feedback.done(t('care.visit.planned'))} {...feedback.outcome} />
      <VisitStepDrawer
        visit={open?.visit ?? null}
        step={open?.step ?? 'record'}
        onClose={close}
        onDone={(step) => feedback.done(t(`care.visit.done.${step}`))}
        {...feedback.outcome}
      />
    </div>
  );
}
