import { Descriptions, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { drawerFailure, FormDrawer, type ActionOutcome, type DrawerProblem } from '../../customers/components/FormDrawer';
import { useCloseFollowup } from '../api/mutations';

type Followup = Schemas['FollowupView'];

interface Props extends ActionOutcome {
  followup: Followup | null;
  onClose: () => void;
  onDone: () => void;
}

/** 关闭跟进: what the department did about a poor score. */
export function FollowupDrawer({ followup: f, onClose, onDone, ...outcome }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ resolution?: string }>();
  const mutation = useCloseFollowup();
  const [problem, setProblem] = useState<DrawerProblem | null>(null);

  useEffect(() => {
    setProblem(null);
    if (f) form.resetFields();
  }, [f?.id]);

  async function submit(v: { resolution?: string }) {
    if (!f) return;
    setProblem(null);
    try {
      await mutation.mutateAsync({ id: f.id, version: f.version, body: { resolution: v.resolution?.trim() ?? '' } });
      onDone();
    } catch (failure) {
      setProblem(drawerFailure(failure, t, form, ['resolution'], outcome));
    }
  }

  return (
    <FormDrawer
      open={f !== null}
      title={t('care.followup.close')}
      submitLabel={t('care.followup.close')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      loading={mutation.isPending}
      problem={problem}
      width={480}
    >
      {f && (
        <Descriptions
          size="small"
          column={1}
          className="kehu-gap"
          items={[
            { key: 'customer', label: t('customers.name'), children: f.customer.name },
            { key: 'dimension', label: t('care.followup.dimension'), children: t(`care.survey.dimensions.${f.dimension}`, { defaultValue: f.dimension }) },
            { key: 'score', label: t('care.followup.score'), children: `${f.score} ${t(`care.survey.levels.${f.score}`, { defaultValue: '' })}` },
          ]}
        />
      )}
      <Form form={form} layout="vertical" name="followup-close" onFinish={submit} disabled={mutation.isPending}>
        <Form.Item name="resolution" label={t('care.followup.resolution')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
