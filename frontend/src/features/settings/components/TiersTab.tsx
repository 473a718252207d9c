import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { parseMoney } from '../../../lib/money';
import { MONEY_INPUT } from '../../complaints/lib/resolution';
import { useApprovalTiers } from '../../reference/api/queries';
import { APPROVER_ROLES, useSaveApprovalTiers } from '../api/queries';

interface Values {
  tiers: { up_to?: string | null; approver_role?: Schemas['Role'] }[];
}

/** Client checks before the PUT: bounds rise strictly, only the last tier is open. */
export function tierProblems(tiers: Values['tiers']): { index: number; key: string }[] {
  const problems: { index: number; key: string }[] = [];
  let previous: bigint | null = null;
  tiers.forEach((tier, index) => {
    const last = index === tiers.length - 1;
    const bound = tier.up_to?.trim();
    if (last) return;
    if (!bound || !MONEY_INPUT.test(bound)) return problems.push({ index, key: 'settings.tiers.needBound' });
    const fen = parseMoney(bound);
    if (previous !== null && fen <= previous) problems.push({ index, key: 'settings.tiers.notAscending' });
    previous = fen;
  });
  return problems;
}

/** 核决权限: who approves up to which settlement total (PUT with If-Match). */
export function TiersTab() {
  const { t } = useTranslation();
  const policy = useApprovalTiers();
  const save = useSaveApprovalTiers();
  const [form] = Form.useForm<Values>();
  const [notice, setNotice] = useState<{ type: 'error' | 'success' | 'warning'; text: string } | null>(null);
  const tiers: Values['tiers'] = Form.useWatch('tiers', form) ?? [];

  useEffect(() => {
    if (policy.data) form.setFieldsValue({ tiers: policy.data.tiers });
  }, [policy.data, form]);

  if (policy.isPending) return <Skeleton active />;
  if (!policy.data) return <Alert type="error" showIcon message={problemToFormErrors(policy.error, t).message} />;
  const version = policy.data.version;

  async function submit(v: Values) {
    const problems = tierProblems(v.tiers);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: ['tiers', p.index, 'up_to'], errors: [t(p.key)] })) as never);
      return;
    }
    const body: Schemas['TierView'][] = [];
    for (const [i, tier] of v.tiers.entries()) {
      // The form requires a role on every tier before it submits.
      if (!tier.approver_role) return;
      body.push({ up_to: i === v.tiers.length - 1 ? null : (tier.up_to?.trim() ?? null), approver_role: tier.approver_role });
    }
    try {
      await save.mutateAsync({ version, tiers: body });
      setNotice({ type: 'success', text: t('settings.tiers.saved') });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      setNotice({ type: p.status === 412 ? 'warning' : 'error', text: p.status === 412 ? t('settings.tiers.stale') : p.message });
    }
  }

  return (
    <>
      <Typography.Paragraph className="kehu-muted">{t('settings.tiers.hint', { version })}</Typography.Paragraph>
      {notice && <Alert type={notice.type} showIcon closable message={notice.text} onClose={() => setNotice(null)} className="kehu-gap" role="status" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} name="tiers">
        <Form.List name="tiers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const last = index === fields.length - 1;
                return (
                  <Space key={field.key} align="start" wrap className="kehu-tier">
                    <Typography.Text strong className="kehu-tier__n">
                      {t('approval.tierN', { n: index + 1 })}
                    </Typography.Text>
                    {last ? (
                      <Form.Item label={t('settings.tiers.upTo')}>
                        <span>{t('settings.tiers.unbounded')}</span>
                      </Form.Item>
                    ) : (
                      <Form.Item name={[field.name, 'up_to']} label={t('settings.tiers.upTo')} rules={[{ pattern: MONEY_INPUT, message: t('validation.invalid_money') }]}>
                        <Input prefix="¥" className="kehu-money-input" inputMode="decimal" />
                      </Form.Item>
                    )}
                    <Form.Item name={[field.name, 'approver_role']} label={t('approval.approverRole')} rules={[{ required: true, message: t('validation.required') }]}>
                      <Select className="kehu-tier__role" options={APPROVER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('settings.tiers.remove', { n: index + 1 })} className="kehu-tier__remove" />
                    )}
                  </Space>
                );
              })}
              <div>
                <Button icon={<PlusOutlined />} onClick={() => add({ approver_role: 'gm' }, Math.max(0, tiers.length - 1))}>
                  {t('settings.tiers.add')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <div className="kehu-form-actions">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </div>
      </Form>
    </>
  );
}
