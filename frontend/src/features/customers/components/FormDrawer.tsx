import { Alert, Button, Drawer, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemToFormErrors, toAntdFields, type FormErrors, type Translate } from '../../../api/problem';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { formFieldName } from '../lib/form';

export interface DrawerProblem {
  message: string;
  details?: string[];
  /** 412: the record was refreshed under the open drawer. */
  stale?: boolean;
}

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => void;
  loading: boolean;
  danger?: boolean;
  problem: DrawerProblem | null;
  width?: number;
  children: ReactNode;
}

/** An action's form in a drawer (bottom sheet on a phone), with its problem on top. */
export function FormDrawer({ open, title, submitLabel, onClose, onSubmit, loading, danger, problem, width = 560, children }: Props) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      destroyOnHidden
      placement={phone ? 'bottom' : 'right'}
      width={phone ? undefined : width}
      height={phone ? '92%' : undefined}
      rootClassName="kehu-action-drawer"
      footer={
        <Space className="kehu-drawer__footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger={danger} loading={loading} onClick={onSubmit}>
            {submitLabel}
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
            description={problem.details?.length ? problem.details.join('\n') : undefined}
            className="kehu-gap kehu-prose"
          />
        )}
      </div>
      {children}
    </Drawer>
  );
}

/**
 * Puts the server's field messages at their fields and returns the ones the
 * form has no place for (so none is lost), labelled where a label is known.
 */
export function placeFieldErrors<V>(
  form: FormInstance<V>,
  problem: FormErrors,
  isPlaced: (field: string) => boolean,
  label: (field: string) => string,
): string[] {
  const placed: Record<string, string> = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(problem.fieldErrors)) {
    if (isPlaced(field)) {
      const name = formFieldName(field);
      placed[name] = placed[name] ? `${placed[name]}; ${message}` : message;
    } else rest.push(`${label(field)}: ${message}`);
  }
  form.setFields(toAntdFields<V>(placed));
  return rest;
}

export interface ActionOutcome {
  /** 409: the record moved on; the page explains (the server's words in `detail`) and refreshes. */
  onConflict: (message: string, detail?: string) => void;
  /** 412: someone changed the record; the page refetches it, the drawer stays open. */
  onStale: () => void;
}

/** A failed action in a drawer: the problem to show in it, or null when the page took over (409). */
export function drawerFailure<V>(
  failure: unknown,
  t: Translate,
  form: FormInstance<V>,
  fields: readonly string[],
  outcome: ActionOutcome,
): DrawerProblem | null {
  const p = problemToFormErrors(failure, t);
  if (p.status === 409) {
    outcome.onConflict(p.message, failure instanceof ApiError ? (failure.problem?.detail ?? undefined) : undefined);
    return null;
  }
  if (p.status === 412) outcome.onStale();
  const placed = (f: string) => fields.includes(formFieldName(f).split(/[.[]/)[0] ?? f);
  const details = placeFieldErrors(form, p, placed, (f) => t(`customers.field.${f}`, { defaultValue: f }));
  return { message: p.status === 412 ? t('customers.stale') : p.message, details, stale: p.status === 412 };
}
