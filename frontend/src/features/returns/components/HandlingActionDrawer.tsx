import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useHandlingAction } from '../api/mutations';
import {
  HANDLING_FIELDS,
  handlingBody,
  handlingFieldName,
  initialHandlingValues,
  type HandlingAction,
  type HandlingValues,
  type HandlingView,
} from '../lib/handling';
import { PlanFacts, PlanFields, QaFields, QuantityFields, ScheduleFields } from './HandlingFields';

type ReturnView = Schemas['ReturnView'];

interface Props extends Omit<ActionOutcome, 'onConflict'> {
  application: ReturnView;
  handling: HandlingView;
  action: HandlingAction | null;
  onClose: () => void;
  onDone: (action: HandlingAction, saved: ReturnView) => void;
  /** 409: the handling moved on; the section explains and refreshes. */
  onConflict: (action: HandlingAction, message: string) => void;
}

/** The i18n key (and values) of what happens after the action. */
function next(action: HandlingAction, h: HandlingView): [string, Record<string, string>?] {
  if (action === 'approve_plan' && h.disposition && h.disposition !== 'rework') return ['returns.handling.next.approve_planDirect', { disposition: h.disposition }];
  if (action === 're_receive' && h.disposition === 'scrap') return ['returns.handling.next.re_receiveScrap'];
  return [`returns.handling.next.${action}`];
}

/**
 * A step of the 客户退换货处理单 in a drawer: each action's own part
 * (检验标识; 分析、处理方式、整改方案与费用; 退回理由; 排产; a count per item;
 * 延期理由 for 申请延期, which keeps the step),
 * checked here as the server will, then sent with If-Match; the server's
 * field messages land on their fields.
 */
export function HandlingActionDrawer({ application: r, handling: h, action, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const mutation = useHandlingAction();
  if (!action) return null;

  const label = t(`returns.handlingAction.${action}`);
  const reject = action === 'reject_plan';
  const extend = action === 'extend';
  // Both need their reason in the remark (`comment`); the server refuses a blank one.
  const reasonKey = reject ? 'returns.handling.rejectReason' : extend ? 'returns.field.extensionReason' : null;
  const [nextKey, nextValues] = next(action, h);

  async function submit(values: HandlingValues) {
    if (!action) return;
    const saved = await mutation.mutateAsync({ id: r.id, version: r.version, action, body: handlingBody(action, values, h) });
    onDone(action, saved);
  }

  const partLabel = (field: string) => {
    switch (field) {
      case 'qa':
        return t('returns.handling.step.qa_inspection');
      case 'plan':
        return t('returns.handling.plan');
      case 'schedule':
        return t('returns.handling.step.scheduling');
      case 'quantities':
        return t('returns.handling.lines');
      default:
        return field;
    }
  };

  return (
    <FormDrawer<HandlingValues>
      key={action}
      open
      title={label}
      submitLabel={label}
      submitTestId="handling-submit"
      danger={reject}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      initialValues={initialHandlingValues(action, h)}
      scrollToFirstError
      failure={{
        fields: HANDLING_FIELDS,
        fieldName: handlingFieldName,
        fieldLabel: partLabel,
        outcome: { onConflict: (message) => onConflict(action, message), onStale },
        messages: { 412: t('returns.detail.stale') },
      }}
      name={`return-handling-${action}`}
      width={extend ? 480 : 640}
      facts={[
        { key: 'application', label: t('returns.field.number'), children: r.number },
        ...(r.note ? [{ key: 'note', label: t('returns.note.number'), children: r.note.number }] : []),
        { key: 'customer', label: t('returns.field.customer'), children: r.customer.name },
      ]}
      before={
        <>
          {action === 'plan' && h.rejection && (
            <Alert type="error" showIcon className="kehu-gap" message={t('returns.handling.rejected')} description={h.rejection} data-testid="handling-rejection" />
          )}
          {(action === 'approve_plan' || reject || action === 'schedule') && <PlanFacts handling={h} />}
          {extend && <p className="kehu-muted">{t('returns.detail.stepExtendHint')}</p>}
        </>
      }
      after={
        // Extending keeps the step: there is no next step to announce.
        !extend && (
          <p className="kehu-next" data-testid="next-step">
            {t(nextKey, nextValues && { disposition: t(`returns.disposition.${nextValues.disposition}`) })}
          </p>
        )
      }
    >
      {action === 'inspect' && <QaFields />}
      {action === 'plan' && <PlanFields />}
      {action === 'schedule' && <ScheduleFields />}
      {(action === 'complete_rework' || action === 're_receive') && <QuantityFields action={action} handling={h} />}
      <Form.Item
        name="comment"
        label={t(reasonKey ?? 'returns.handling.comment')}
        rules={reasonKey ? [{ required: true, whitespace: true, message: t('validation.required') }] : undefined}
      >
        <Input.TextArea rows={extend ? 4 : 3} maxLength={2000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
