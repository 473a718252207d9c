import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { placeFieldErrors } from '../../../lib/form-errors';
import { hasAny, TEAM_KEEPER_ROLES } from '../../../lib/roles';
import { useClearErrorsOnEdit } from '../../../lib/useClearErrorsOnEdit';
import { useSession } from '../../auth/hooks/useSession';
import { useDepartments, useTeams } from '../../reference/api/queries';
import { useCreateTeam, useSetTeamActive } from '../api/queries';

type Team = Schemas['TeamView'];
type Notice = { type: 'success' | 'error' | 'warning'; text: string };

interface NewTeam {
  department_id?: number;
  name?: string;
}

/** 班组: the teams by department; HR and the administrator add them and retire them (never rename them). */
export function TeamsTab() {
  const { t } = useTranslation();
  const { user } = useSession();
  const keeper = hasAny(user?.roles, TEAM_KEEPER_ROLES);
  const departments = useDepartments();
  const teams = useTeams(null);
  const create = useCreateTeam();
  const setActive = useSetTeamActive();
  const [form] = Form.useForm<NewTeam>();
  const clearErrors = useClearErrorsOnEdit(form);
  const [department, setDepartment] = useState<number | undefined>();
  const [notice, setNotice] = useState<Notice | null>(null);

  const departmentName = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const rows = (teams.data ?? []).filter((team) => department === undefined || team.department_id === department);
  const required = { required: true, message: t('validation.required') };

  async function add(v: NewTeam) {
    setNotice(null);
    try {
      const team = await create.mutateAsync({ department_id: v.department_id ?? 0, name: v.name?.trim() ?? '' });
      form.setFieldValue('name', '');
      setNotice({ type: 'success', text: t('pay.teams.added', { name: team.name }) });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      const details = placeFieldErrors(form, p.fieldErrors, { isPlaced: (f) => f === 'department_id' || f === 'name', label: (f) => f });
      if (details.length || !Object.keys(p.fieldErrors).length) setNotice({ type: 'error', text: [p.message, ...details].join('\n') });
    }
  }

  async function toggle(team: Team) {
    setNotice(null);
    try {
      const saved = await setActive.mutateAsync({ id: team.id, version: team.version, active: !team.active });
      setNotice({ type: 'success', text: t(saved.active ? 'pay.teams.activated' : 'pay.teams.retired', { name: saved.name }) });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      setNotice(p.status === 412 ? { type: 'warning', text: t('pay.teams.stale') } : { type: 'error', text: p.message });
    }
  }

  const columns: TableProps<Team>['columns'] = [
    { key: 'department', title: t('pay.field.department'), render: (_, team) => departmentName.get(team.department_id) ?? `#${team.department_id}` },
    { key: 'name', title: t('pay.field.team'), dataIndex: 'name' },
    {
      key: 'active',
      title: t('pay.teams.state'),
      width: 100,
      render: (_, team) => (team.active ? <Tag color="green">{t('pay.teams.active')}</Tag> : <Tag>{t('pay.teams.inactive')}</Tag>),
    },
  ];
  if (keeper) {
    columns.push({
      key: 'toggle',
      title: <span className="kehu-visually-hidden">{t('pay.basis.actions')}</span>,
      width: 100,
      render: (_, team) => (
        <Button
          size="small"
          danger={team.active}
          loading={setActive.isPending && setActive.variables?.id === team.id}
          onClick={() => void toggle(team)}
          aria-label={t(team.active ? 'pay.teams.retireOf' : 'pay.teams.activateOf', { name: team.name })}
        >
          {t(team.active ? 'pay.teams.retire' : 'pay.teams.activate')}
        </Button>
      ),
    });
  }

  return (
    <>
      <Typography.Paragraph className="kehu-muted">{t('pay.teams.hint')}</Typography.Paragraph>
      {keeper && (
        <Form<NewTeam>
          form={form}
          layout="inline"
          name="new-team"
          onFinish={(v) => void add(v)}
          onValuesChange={clearErrors}
          disabled={create.isPending}
          className="kehu-pay__new-team kehu-gap"
          aria-label={t('pay.teams.add')}
        >
          <Form.Item name="department_id" label={t('pay.field.department')} rules={[required]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
              loading={departments.isPending}
              className="kehu-pay__select"
            />
          </Form.Item>
          <Form.Item name="name" label={t('pay.teams.name')} rules={[required, { whitespace: true, message: t('validation.required') }]}>
            <Input maxLength={50} className="kehu-pay__name" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
              {t('pay.teams.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Space wrap className="kehu-gap">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          value={department}
          onChange={(id?: number) => setDepartment(id)}
          options={departmentOptions}
          placeholder={t('pay.teams.filter')}
          aria-label={t('pay.teams.filter')}
          className="kehu-pay__select"
        />
      </Space>
      <div aria-live="polite">
        {notice && <Alert type={notice.type} showIcon closable role="status" className="kehu-gap kehu-prose" message={notice.text} onClose={() => setNotice(null)} />}
      </div>
      {teams.isError && <Alert type="error" showIcon message={problemToFormErrors(teams.error, t).message} className="kehu-gap" />}
      <Table<Team>
        rowKey="id"
        size="middle"
        loading={teams.isPending}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
        scroll={{ x: 480 }}
        locale={{ emptyText: t('pay.teams.empty') }}
      />
    </>
  );
}
