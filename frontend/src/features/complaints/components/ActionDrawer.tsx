import { Alert, Button, Drawer, Form, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors, toAntdFields, type FormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { changedPaths, withAncestors } from '../../../lib/form-paths';
import { useComplaintAction } from '../api/mutations';
import { ACTION_FORM, actionTone, buildActionBody, nextState, type ActionFormValues, type ActionName } from '../lib/actions';
import { fromLineView } from '../lib/resolution';
import { ConcludeFields } from './forms/ConcludeFields';
import { ConsolidateFields } from './forms/ConsolidateFields';
import { ProposeFields } from './forms/ProposeFields';
import { SimpleFields } from './forms/SimpleForms';

type Complaint = Schemas['ComplaintView'];
type Result = Schemas['ActionResult'];

interface Props {
  complaint: Complaint;
  action: ActionName | null;
  onClose: () => void;
  onDone: (action: ActionName, result: Result) => void;
  /** 409: the state moved on; the page explains and refreshes. */
  onConflict: (action: ActionName, problem: FormErrors) => void;
  /** 412: someone changed the case; refetch it (the drawer stays open). */
  onStale: () => void;
}

function initialValues(action: ActionName, c: Complaint): ActionFormValues {
  switch (ACTION_FORM[action]) {
    case 'conclude':
      return { responsible: [{ ratio_percent: 100 }], engineering_needed: false };
    case 'propose':
      return { lines: c.resolution.lines.length ? c.resolution.lines.map(fromLineView) : [{ kind: 'compensation' }] };
    case 'register':
      return { severity: c.severity ?? undefined, kind: c.kind ?? undefined, is_major: c.is_major };
    case 'outcome':
      return { answered_on: dayjs() };
    case 'invalidNotice':
      return { method: 'letter', informed_on: dayjs() };
    default:
      return {};
  }
}

/** The form an action needs, in a drawer, with what happens next. */
export function ActionDrawer({ complaint, action, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [form] = Form.useForm<ActionFormValues>();
  const mutation = useComplaintAction();
  const [problem, setProblem] = useState<{ message: string; details: string[]; stale: boolean } | null>(null);
  const accepted = Form.useWatch('accepted', form);
  const initial = useMemo(() => (action ? initialValues(action, complaint) : {}), [action]);

  useEffect(() => {
    setProblem(null);
    if (action) {
      form.resetFields();
      form.setFieldsValue(initial);
    }
  }, [action]);

  if (!action) return null;
  const kind = ACTION_FORM[action];
  const label = t(`action.${action}`);
  const next = nextState(action, complaint.engineering_requested, accepted);

  async function submit(values: ActionFormValues) {
    if (!action) return;
    setProblem(null);
    try {
      const result = await mutation.mutateAsync({
        id: complaint.id,
        version: complaint.version,
        action,
        body: buildActionBody(action, values),
      });
      onDone(action, result);
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      if (p.status === 409) return onConflict(action, p);
      if (p.status === 412) onStale();
      form.setFields(toAntdFields<ActionFormValues>(p.fieldErrors));
      const placed = new Set(Object.keys(form.getFieldsValue()));
      const details = Object.entries(p.fieldErrors)
        .filter(([field]) => !placed.has(field.split(/[.[]/)[0] ?? field))
        .map(([field, message]) => `${field}: ${message}`);
      setProblem({ message: p.status === 412 ? t('detail.stale') : p.message, details, stale: p.status === 412 });
    }
  }

  return (
    <Drawer
      open
      title={label}
      onClose={onClose}
      destroyOnHidden
      placement={phone ? 'bottom' : 'right'}
      width={phone ? undefined : 560}
      height={phone ? '92%' : undefined}
      rootClassName="kehu-action-drawer"
      footer={
        <Space className="kehu-drawer__footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={actionTone(action) === 'danger'}
            loading={mutation.isPending}
            onClick={() => form.submit()}
          >
            {label}
          </Button>
        </Space>
      }
    >
      <div aria-live="assertive">
        {problem && (
          <Alert
            type={problem.stale ? 'warning' : 'error'}
            showIcon
            role="alert"
            message={problem.message}
            description={problem.details.length ? problem.details.join('\n') : undefined}
            className="kehu-gap"
          />
        )}
      </div>
      {next && kind !== 'consolidate' && (
        <p className="kehu-next" data-testid="next-step">
          {t('drawer.next', { state: t(`state.${next}`) })}
        </p>
      )}
      <Form<ActionFormValues> form={form} layout="vertical" name={`action-${action}`} initialValues={initial}
        onFinish={submit}
        disabled={mutation.isPending}
        onValuesChange={(changed) => {
          const paths = withAncestors(changedPaths(changed)).filter((p) => form.getFieldError(p as never).length > 0);
          if (paths.length) form.setFields(paths.map((name) => ({ name, errors: [] })) as never);
        }}
      >
        {kind === 'conclude' ? (
          <ConcludeFields />
        ) : kind === 'propose' ? (
          <ProposeFields />
        ) : kind === 'consolidate' ? (
          <ConsolidateFields complaint={complaint} />
        ) : (
          <SimpleFields kind={kind} />
        )}
      </Form>
    </Drawer>
  );
}
