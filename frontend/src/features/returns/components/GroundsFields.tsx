import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Checkbox, Form, Input, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkGrounds, OTHER_GROUNDS, type ReturnValues } from '../lib/form';

/**
 * 申请条件: A 保修期内 with its basis (required to submit), then B/C/D, each
 * ticked to reveal its basis; below, live, whether it qualifies. Nothing here
 * blocks saving a draft: the server refuses the submit instead.
 */
export function GroundsFields({ form }: { form: FormInstance<ReturnValues> }) {
  const { t } = useTranslation();
  const ticked = Form.useWatch('grounds', form) ?? [];
  const eligibility = Form.useWatch('eligibility', form);
  const grounds = checkGrounds({ grounds: ticked, eligibility });
  const basisLabel = (ground: string) => t('returns.grounds.basisFor', { ground: t(`returns.grounds.${ground}`) });

  return (
    <>
      <Form.Item
        name={['eligibility', 'within_warranty']}
        label={basisLabel('within_warranty')}
        required
        extra={t('returns.grounds.withinWarrantyHint')}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="grounds" label={t('returns.grounds.others')}>
        <Checkbox.Group className="kehu-grounds">
          <Space direction="vertical">
            {OTHER_GROUNDS.map((g) => (
              <Checkbox key={g} value={g}>
                {t(`returns.grounds.${g}`)}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      {OTHER_GROUNDS.filter((g) => ticked.includes(g)).map((g) => (
        <Form.Item key={g} name={['eligibility', g]} label={basisLabel(g)} required>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ))}
      <div
        className={grounds.eligible ? 'kehu-eligibility is-eligible' : 'kehu-eligibility'}
        role="status"
        aria-live="polite"
        data-testid="eligibility"
        data-eligible={grounds.eligible}
      >
        <strong>
          {grounds.eligible ? <CheckCircleFilled aria-hidden /> : <ExclamationCircleFilled aria-hidden />}{' '}
          {grounds.eligible ? t('returns.grounds.eligible') : t('returns.grounds.notEligible')}
        </strong>
        {!grounds.eligible && (
          <ul>
            {grounds.missing.map((m) => (
              <li key={m}>{t(`returns.grounds.missing.${m}`)}</li>
            ))}
          </ul>
        )}
        {!grounds.eligible && <div className="kehu-muted">{t('returns.grounds.draftNote')}</div>}
      </div>
    </>
  );
}
