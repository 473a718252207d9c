import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { customerFailure } from '../../customers/lib/failure';
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
  const mutation = useCloseFollowup();

  async function submit(v: { resolution?: string }) {
    if (!f) return;
    await mutation.mutateAsync({ id: f.id, version: f.version, body: { resolution: v.resolution?.trim() ?? '' } });
    onDone();
  }

  return (
    <FormDrawer<{ resolution?: string }>
      open={f !== null}
      title={t('care.followup.close')}
      submitLabel={t('care.followup.close')}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      failure={customerFailure(t, ['resolution'], outcome)}
      name="followup-close"
      width={480}
      facts={
        f && [
          { key: 'customer', label: t('customers.name'), children: f.customer.name },
          { key: 'dimension', label: t('care.followup.dimension'), children: t(`care.survey.dimensions.${f.dimension}`, { defaultValue: f.dimension }) },
          { key: 'score', label: t('care.followup.score'), children: `${f.score} ${t(`care.survey.levels.${f.score}`, { defaultValue: '' })}` },
        ]
      }
    >
      <Form.Item name="resolution" label={t('care.followup.resolution')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormDrawer>
  );
}
