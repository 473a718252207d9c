import { Alert, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { formatDate } from '../../../lib/format';
import { useActOnSupplierRequest } from '../api/mutations';
import {
  ACTION_FIELDS,
  isAnswerDay,
  isNewDueDay,
  supplierActionBody,
  type SupplierAction,
  type SupplierActionValues,
  type SupplierRequest,
} from '../lib/supplier';

export interface SupplierChoice {
  request: SupplierRequest;
  action: SupplierAction;
}

interface Props {
  choice: SupplierChoice | null;
  onClose: () => void;
  onDone: (saved: SupplierRequest) => void;
  /** 409: the request moved on meanwhile; the section explains and refreshes. */
  onConflict: ActionOutcome['onConflict'];
  /** 412: the request changed; the section refetches it, the drawer stays open. */
  onStale: ActionOutcome['onStale'];
}

/**
 * One drawer for the four actions on a request, sent with its version as
 * If-Match: 登记供应商回复 (the cause, the actions and the day the supplier
 * answered), 接受 (nothing to fill), 退回 (what the answer lacks, optionally a
 * new due date) and 取消 (why).
 */
export function SupplierActionDrawer({ choice, onClose, onDone, onConflict, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const mutation = useActOnSupplierRequest();
  if (!choice) return null;
  const { request: r, action } = choice;
  const locale = i18n.language;
  const required = { required: true, whitespace: true, message: t('validation.required') };
  const answered = action === 'accept' || action === 'reject';

  async function submit(values: SupplierActionValues) {
    onDone(await mutation.mutateAsync({ request: r, action, body: supplierActionBody(action, values) }));
  }

  const dayRule = (ok: (d: Dayjs) => boolean, message: string) => ({
    validator: (_: unknown, d: Dayjs | null | undefined) => (!d || ok(d) ? Promise.resolve() : Promise.reject(new Error(message))),
  });

  return (
    <FormDrawer<SupplierActionValues>
      key={`${r.id}-${action}`}
      open
      title={t(`supplier.drawer.${action}`)}
      submitLabel={t(`supplier.submit.${action}`)}
      danger={action === 'reject' || action === 'cancel'}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={{ fields: ACTION_FIELDS[action], outcome: { onConflict, onStale }, messages: { 412: t('supplier.stale') } }}
      name={`supplier-${action}`}
      width={520}
      initialValues={{ root_cause: '', actions: '', answered_on: null, comment: '', due_on: null }}
      facts={[
        { key: 'complaint', label: t('supplier.complaint'), children: r.complaint.name },
        { key: 'supplier', label: t('supplier.supplier'), children: <span className="kehu-supplier__name">{r.supplier}</span> },
        { key: 'ratio', label: t('supplier.ratio'), children: `${r.ratio_percent}%` },
        { key: 'due', label: t('supplier.due'), children: formatDate(r.due_on, locale) },
        { key: 'problem', label: t('supplier.problem'), children: <span className="kehu-supplier__text">{r.problem}</span> },
        ...(answered
          ? [
              { key: 'root_cause', label: t('supplier.rootCause'), children: <span className="kehu-supplier__text">{r.root_cause ?? '—'}</span> },
              { key: 'actions', label: t('supplier.actions'), children: <span className="kehu-supplier__text">{r.actions ?? '—'}</span> },
              ...(r.answered_on ? [{ key: 'answered_on', label: t('supplier.answeredOn'), children: formatDate(r.answered_on, locale) }] : []),
            ]
          : []),
      ]}
      before={
        <p className="kehu-muted" data-testid="supplier-action-hint">
          {t(`supplier.hint.${action}`)}
        </p>
      }
      after={action === 'accept' ? <Alert type="info" showIcon className="kehu-gap-top" message={t('supplier.acceptEffect')} /> : undefined}
    >
      {action === 'record_answer' && (
        <>
          <Form.Item name="root_cause" label={t('supplier.rootCause')} rules={[required]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="actions" label={t('supplier.actions')} extra={t('supplier.actionsHint')} rules={[required]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="answered_on" label={t('supplier.answeredOn')} extra={t('supplier.answeredOnHint')} rules={[dayRule((d) => isAnswerDay(d), t('supplier.answeredOnRange'))]}>
            <DatePicker className="kehu-full" disabledDate={(d) => !isAnswerDay(d)} />
          </Form.Item>
        </>
      )}
      {(action === 'reject' || action === 'cancel') && (
        <Form.Item name="comment" label={t(`supplier.commentField.${action}`)} rules={[required]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
      )}
      {action === 'reject' && (
        <Form.Item name="due_on" label={t('supplier.newDue')} extra={t('supplier.newDueHint')} rules={[dayRule((d) => isNewDueDay(d), t('supplier.newDueRange'))]}>
          <DatePicker className="kehu-full" disabledDate={(d) => !isNewDueDay(d)} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
