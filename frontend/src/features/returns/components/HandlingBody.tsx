import { Alert, Steps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format';
import { Fields, Prose } from '../../complaints/components/sections/CaseSection';
import { HANDLING_STATES, handlingSignatures, skipsRework, type HandlingState, type HandlingView } from '../lib/handling';
import { HandlingLines } from './HandlingLines';

type ReturnView = Schemas['ReturnView'];

const SKIPPED_WITHOUT_REWORK: readonly HandlingState[] = ['scheduling', 'rework'];

/** Where the handling stands in words (the colour only repeats them). */
export function HandlingStateTag({ state }: { state: HandlingState }) {
  const { t } = useTranslation();
  return (
    <Tag color={state === 'done' ? 'success' : 'processing'} data-handling-state={state}>
      {t(`returns.handlingState.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/**
 * 品保检验标识 → 研发分析及整改方案 → 总经理审批 → PMC排产 → 制造整改 →
 * 成品仓验收入库 → 处理完毕: the current step names who it waits for; a plan
 * sent back says so; without a rework, PMC and production are skipped.
 */
export function HandlingSteps({ handling: h }: { handling: HandlingView }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const current = HANDLING_STATES.indexOf(h.state);
  const approved = current > HANDLING_STATES.indexOf('plan_approval');
  const owners = h.waiting_for.map((role) => t(`role.${role}`, { defaultValue: role })).join(t('common.listSeparator'));

  return (
    <nav aria-label={t('returns.handling.progress')} className="kehu-route kehu-handling-steps" data-testid="handling-steps">
      <Steps
        size="small"
        direction={phone ? 'vertical' : 'horizontal'}
        labelPlacement={phone ? 'horizontal' : 'vertical'}
        current={current}
        status={h.state === 'done' ? 'finish' : 'process'}
        items={HANDLING_STATES.map((step, i) => {
          const skipped = approved && skipsRework(h) && SKIPPED_WITHOUT_REWORK.includes(step);
          let description: ReactNode = null;
          if (skipped) description = <span className="kehu-muted">{t('returns.handling.skipped')}</span>;
          else if (i === current && step === 'analysis' && h.rejection) description = <span className="kehu-route__returned">{t('returns.handling.sentBack')}</span>;
          else if (i === current && step !== 'done' && owners) description = <span className="kehu-muted">{t('detail.waitingFor', { owner: owners })}</span>;
          return { title: t(`returns.handling.step.${step}`), description, ...(skipped ? { status: 'wait' as const } : {}) };
        })}
      />
    </nav>
  );
}

/** Each department's part as far as the goods have come, the items' counts, and who took each step. */
export function HandlingBody({ application: r, handling: h }: { application: ReturnView; handling: HandlingView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const signatures = handlingSignatures(r);
  const planned = !!(h.analysis || h.disposition || h.plan || h.cost);
  const scheduled = !!(h.start_on || h.finish_on || h.production_unit || h.material_issue);
  const day = (d: string | null | undefined) => (d ? formatDate(d, locale) : '—');

  return (
    <>
      <p className="kehu-note-head">
        <HandlingStateTag state={h.state} />
        {h.disposition && <Tag data-testid="handling-disposition-tag">{t(`returns.disposition.${h.disposition}`)}</Tag>}
      </p>
      <HandlingSteps handling={h} />
      {h.rejection && (
        <Alert
          type="error"
          showIcon
          className="kehu-gap kehu-handling-rejection"
          message={t('returns.handling.rejected')}
          description={
            <span>
              {t('returns.handling.rejectReason')}：<span className="kehu-prose">{h.rejection}</span>
            </span>
          }
          data-testid="handling-rejection"
        />
      )}
      {(h.qa_finding || h.qa_label) && (
        <div data-testid="handling-qa">
          <Fields
            rows={[
              { label: t('returns.handling.qaFinding'), value: <Prose>{h.qa_finding}</Prose>, span: 2 },
              { label: t('returns.handling.qaLabel'), value: h.qa_label ? <Tag color="warning">{h.qa_label}</Tag> : null },
            ]}
          />
        </div>
      )}
      {planned && (
        <div data-testid="handling-plan">
          <Fields
            rows={[
              { label: t('returns.handling.analysis'), value: <Prose>{h.analysis}</Prose>, span: 2 },
              { label: t('returns.handling.disposition'), value: h.disposition ? t(`returns.disposition.${h.disposition}`) : null },
              { label: t('returns.handling.cost'), value: h.cost ? formatMoney(h.cost.amount, locale, h.cost.currency) : null },
              { label: t('returns.handling.plan'), value: <Prose>{h.plan}</Prose>, span: 2 },
            ]}
          />
        </div>
      )}
      {scheduled && (
        <div data-testid="handling-schedule">
          <Fields
            rows={[
              { label: t('returns.handling.period'), value: t('returns.handling.periodValue', { start: day(h.start_on), finish: day(h.finish_on) }), span: 2 },
              { label: t('returns.handling.productionUnit'), value: h.production_unit },
              { label: t('returns.handling.materialIssue'), value: h.material_issue },
            ]}
          />
        </div>
      )}
      <div role="group" aria-labelledby="handling-lines-title" className="kehu-parts">
        <Typography.Title level={3} id="handling-lines-title" className="kehu-parts__title">
          {t('returns.handling.lines')}
        </Typography.Title>
        <HandlingLines handling={h} />
      </div>
      {signatures.length > 0 && (
        <Fields
          rows={signatures.map((s) => ({
            label: t(`returns.event.${s.event}`),
            value: `${s.name ?? t('detail.system')} · ${formatDateTime(s.at, locale)}`,
          }))}
        />
      )}
    </>
  );
}
