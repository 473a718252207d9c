import { Alert, Button, Descriptions, Form, type DescriptionsProps, type FormInstance, type FormProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClearErrorsOnEdit } from '../../lib/useClearErrorsOnEdit';
import { DrawerFrame } from './DrawerFrame';
import { drawerProblem, type DrawerProblem, type FailureRules } from './failure';

export interface FormDrawerProps<V> {
  open: boolean;
  title: string;
  submitLabel: string;
  onClose: () => void;
  /** Runs the action with the validated values; what it throws shows in the drawer, as `failure` says. */
  onSubmit: (values: V) => Promise<unknown>;
  /** The action is running: the button spins, the form is disabled. */
  busy: boolean;
  failure?: FailureRules;
  /** The antd form's name: its fields' ids (and so their labels) derive from it. */
  name: string;
  /** Only when the drawer reads or sets values itself (Form.useWatch, setFieldValue). */
  form?: FormInstance<V>;
  /** What the form holds each time the drawer opens. */
  initialValues?: FormProps<V>['initialValues'];
  scrollToFirstError?: boolean;
  danger?: boolean;
  /** The submit button's `data-testid` (for the e2e walk). */
  submitTestId?: string;
  width?: number;
  /** The record the action is on, as label and value rows above the form. */
  facts?: DescriptionsProps['items'] | null;
  /** Above and below the form (a hint; what happens next). */
  before?: ReactNode;
  after?: ReactNode;
  /** Shown instead of the form once the action has a result to show; the button then closes the drawer. */
  result?: ReactNode;
  children: ReactNode;
}

/**
 * An action's form in a drawer (a bottom sheet on a phone): it owns the antd
 * form, resets it on opening, clears a field's message when the field is
 * edited, and shows a failed action's problem above the form (see failure.ts).
 */
export function FormDrawer<V extends object>(props: FormDrawerProps<V>) {
  const { open, title, submitLabel, onClose, onSubmit, busy, failure, name, initialValues, danger, width = 560, result } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<V>(props.form);
  const [problem, setProblem] = useState<DrawerProblem | null>(null);
  const clearErrors = useClearErrorsOnEdit(form);

  useEffect(() => {
    setProblem(null);
    if (open) form.resetFields();
  }, [open]);

  async function submit(values: V) {
    setProblem(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setProblem(drawerProblem(error, t, form, failure));
    }
  }

  const shown = result != null && result !== false;
  const button = shown ? (
    <Button type="primary" onClick={onClose}>
      {t('common.close')}
    </Button>
  ) : (
    <Button type="primary" danger={danger} loading={busy} onClick={() => form.submit()} data-testid={props.submitTestId}>
      {submitLabel}
    </Button>
  );
  return (
    <DrawerFrame open={open} title={title} onClose={onClose} width={width} buttons={button}>
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
      {props.facts && <Descriptions size="small" column={1} className="kehu-gap" items={props.facts} />}
      {props.before}
      {shown ? (
        result
      ) : (
        <Form<V>
          form={form}
          layout="vertical"
          name={name}
          initialValues={initialValues}
          onFinish={(values) => void submit(values)}
          onValuesChange={clearErrors}
          disabled={busy}
          scrollToFirstError={props.scrollToFirstError}
        >
          {props.children}
        </Form>
      )}
      {props.after}
    </DrawerFrame>
  );
}
