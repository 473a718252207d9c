import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { AllowancesSection } from '../../allowances/components/AllowancesSection';
import { ContactsSection } from '../../contacts/components/ContactsSection';
import { TrackingSection } from '../../improvement/components/TrackingSection';
import { LettersSection } from '../../letters/components/LettersSection';
import { PetitionSection } from '../../petitions/components/PetitionSection';
import { SupplierSection } from '../../suppliers/components/SupplierSection';
import { standingCountersign } from '../lib/countersign';
import { resolutionApproved } from '../lib/resolution';
import { reached, routeSteps } from '../lib/route';
import { stepOwner } from './RouteSteps';
import { CaseSection } from './sections/CaseSection';
import { EightDSection } from './sections/EightDSection';
import { ApprovalBody, OutcomeBody, ResolutionBody } from './sections/DecisionSections';
import { ContainmentBody, CountermeasureBody, InvestigationBody, RegistrationBody, TextBody } from './sections/FactorySections';
import { IntakeBody } from './sections/IntakeSection';
import { ReturnsSection } from './sections/ReturnsSection';

type Complaint = Schemas['ComplaintView'];

/** One card per department, in route order; cards not reached yet are grey. */
export function CaseSections({ complaint: c, events = [] }: { complaint: Complaint; events?: readonly Schemas['EventView'][] }) {
  const { t } = useTranslation();
  const steps = routeSteps(c);
  const at = (state: Schemas['State']) => reached(steps, c.state, state);
  const now = (...states: Schemas['State'][]) => states.includes(c.state);
  const invalid = steps.some((s) => s.key === 'invalidNotice');
  const showEngineering = c.engineering_requested || !!c.engineering_opinion;
  const owner = stepOwner(c, t);

  return (
    <div className="kehu-sections">
      <CaseSection id="section-intake" title={t('complaint.form')} reached current={now('draft')} waitingFor={owner}>
        <IntakeBody complaint={c} />
      </CaseSection>
      <CaseSection id="section-registration" title={t('detail.registration')} reached={at('qa_investigation')} current={now('awaiting_registration')} waitingFor={owner}>
        <RegistrationBody complaint={c} />
      </CaseSection>
      <CaseSection
        id="section-investigation"
        title={t('detail.investigation')}
        reached={!!c.investigation || at('production_countermeasure') || invalid}
        current={now('qa_investigation')} waitingFor={owner}
      >
        <InvestigationBody complaint={c} />
      </CaseSection>
      {!invalid && (
        <>
          <CaseSection id="section-containment" title={t('complaint.containment')} reached={c.containment.length > 0 || !!c.containment_due_at}>
            <ContainmentBody complaint={c} />
          </CaseSection>
          <CaseSection id="section-countermeasure" title={t('detail.countermeasure')} reached={!!c.countermeasure} current={now('production_countermeasure')} waitingFor={owner}>
            <CountermeasureBody complaint={c} />
          </CaseSection>
          {showEngineering && (
            <CaseSection id="section-engineering" title={t('detail.engineering')} reached={!!c.engineering_opinion} current={now('engineering_review')} waitingFor={owner}>
              <TextBody text={c.engineering_opinion} />
            </CaseSection>
          )}
          <CaseSection id="section-review" title={t('detail.review')} reached={at('sales_proposal')} current={now('coordinator_review')} waitingFor={owner}>
            <TextBody text={c.coordinator_remarks} />
          </CaseSection>
          <CaseSection id="section-resolution" title={t('detail.resolution')} reached={c.resolution.lines.length > 0} current={now('sales_proposal')} waitingFor={owner}>
            <ResolutionBody complaint={c} />
          </CaseSection>
          <CaseSection id="section-consolidation" title={t('detail.consolidation')} reached={!!c.consolidated_opinion} current={now('consolidation')} waitingFor={owner}>
            <TextBody text={c.consolidated_opinion} />
          </CaseSection>
          <CaseSection id="section-approval" title={t('detail.approval')} reached={!!c.approval.tier || !!c.approval.comment} current={now('pending_approval')} waitingFor={owner}>
            <ApprovalBody complaint={c} />
          </CaseSection>
          <ReturnsSection complaint={c} />
          <AllowancesSection complaint={c} resolutionApproved={resolutionApproved(c)} />
        </>
      )}
      <EightDSection complaint={c} />
      <TrackingSection complaint={c} />
      <PetitionSection complaint={c} />
      <SupplierSection complaint={c} />
      <LettersSection complaint={c} />
      <ContactsSection complaint={c} />
      <CaseSection
        id="section-outcome"
        title={invalid ? t('detail.invalidNotice') : t('detail.outcome')}
        reached={!!c.outcome || !!c.closed_at}
        current={now('customer_negotiation', 'awaiting_countersign', 'invalid_notice', 'awaiting_close')} waitingFor={owner}
      >
        <OutcomeBody complaint={c} countersign={standingCountersign(events)} />
      </CaseSection>
    </div>
  );
}
