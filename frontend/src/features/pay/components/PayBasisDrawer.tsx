import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { MONEY_INPUT } from '../../complaints/lib/resolution';
import { useTeams } from '../../reference/api/queries';
import { useSetPayBasis } from '../api/queries';
import { isBasePoints } from '../lib/basis';

type Row = Schemas['PayBasisView'];

interface Values {
  team_id?: number | null;
  base_points?: string;
  monthly_bonus?: string;
}

interface Props {
  /** The person being edited (null: the drawer is closed). */
  row: Row | null;
  onClose: () => void;
  onDone: (saved: Row) => void;
  /** 412: someone saved meanwhile; the list refetches, the drawer stays open with the new version. */
  onStale: () => void;
  onConflict: (message: string) => void;
}

/** The server names the team `team`; the form's field is `team_id`. */
const formField = (field: string) => (field === 'team' ? 'team_id' : field);

/** 编辑 (HR): one person's team, base points and monthly bonus, sent with If-Match. */
export function PayBasisDrawer({ row, onClose, onDone, onStale, onConflict }: Props) {
  const { t } = useTranslation();
  const save = useSetPayBasis();
  const teams = useTeams(row?.department_id ?? null, row !== null);
  const required = { required: true, message: t('validation.required') };
  // The active teams of the person's department; a retired one he is still in shows, but cannot be kept.
  const options = (teams.data ?? [])
    .filter((team) => team.active || team.id === row?.team_id)
    .map((team) => ({ value: team.id, label: team.active ? team.name : t('pay.teams.retiredName', { name: team.name }), disabled: !team.active }));

  async function submit(v: Values) {
    if (!row) return;
    const saved = await save.mutateAsync({
      userId: row.user_id,
      version: row.version,
      body: { team_id: v.team_id ?? null, base_points: v.base_points?.trim() ?? '', monthly_bonus: v.monthly_bonus?.trim() ?? '' },
    });
    onDone(saved);
  }

  return (
    <FormDrawer<Values>
      key={row?.user_id ?? 'closed'}
      open={row !== null}
      title={t('pay.basis.editTitle', { name: row?.display_name ?? '' })}
      submitLabel={t('common.save')}
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      name="pay-basis"
      width={480}
      initialValues={{ team_id: row?.team_id ?? undefined, base_points: row?.base_points ?? '', monthly_bonus: row?.monthly_bonus ?? '' }}
      facts={
        row && [
          { key: 'username', label: t('pay.field.username'), children: row.username },
          { key: 'department', label: t('pay.field.department'), children: row.department_name },
        ]
      }
      failure={{
        fields: ['team_id', 'base_points', 'monthly_bonus'],
        fieldName: formField,
        messages: { 412: t('pay.basis.stale') },
        outcome: { onStale, onConflict },
      }}
    >
      <Form.Item name="team_id" label={t('pay.field.team')} extra={options.length ? undefined : t('pay.basis.noTeams')}>
        <Select allowClear options={options} loading={teams.isPending} placeholder={t('pay.basis.noTeam')} />
      </Form.Item>
      <Form.Item
        name="base_points"
        label={t('pay.field.base_points')}
        extra={t('pay.basis.pointsHint')}
        rules={[
          required,
          {
            validator: async (_, value?: string) => {
              if (value?.trim() && !isBasePoints(value)) throw new Error(t('pay.basis.pointsRule'));
            },
          },
        ]}
      >
        <Input inputMode="decimal" className="kehu-money-input" />
      </Form.Item>
      <Form.Item
        name="monthly_bonus"
        label={t('pay.field.monthly_bonus')}
        rules={[required, { pattern: MONEY_INPUT, message: t('validation.invalid_money'), transform: (v?: string) => v?.trim() }]}
      >
        <Input prefix="¥" inputMode="decimal" className="kehu-money-input" />
      </Form.Item>
    </FormDrawer>
  );
}
