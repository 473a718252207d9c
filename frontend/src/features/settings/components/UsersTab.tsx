import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Role, Schemas } from '../../../api/types';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useDepartments, useUsers } from '../../reference/api/queries';
import { ROLES, useSaveUser } from '../api/queries';

type User = Schemas['UserView'];
interface Values {
  username?: string;
  display_name?: string;
  password?: string;
  department_id?: number;
  roles?: Role[];
  email?: string;
  phone?: string;
}

const optional = (v?: string) => (v?.trim() ? v.trim() : null);

/** Users: list, create, edit roles and department, deactivate. */
export function UsersTab() {
  const { t } = useTranslation();
  const users = useUsers();
  const departments = useDepartments();
  const save = useSaveUser();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [notice, setNotice] = useState<{ type: 'error' | 'success'; text: string } | null>(null);
  const deptName = (id: number) => departments.data?.find((d) => d.id === id)?.name ?? id;

  async function submit(v: Values) {
    if (editing === 'new') {
      await save.mutateAsync({
        create: {
          username: v.username?.trim() ?? '',
          display_name: v.display_name?.trim() ?? '',
          password: v.password ?? '',
          department_id: v.department_id ?? 0,
          roles: v.roles ?? [],
          email: optional(v.email),
          phone: optional(v.phone),
        },
      });
    } else if (editing) {
      await save.mutateAsync({
        id: editing.id,
        version: editing.version,
        patch: {
          display_name: v.display_name?.trim(),
          department_id: v.department_id,
          roles: v.roles,
          email: optional(v.email),
          phone: optional(v.phone),
          ...(v.password ? { password: v.password } : {}),
        },
      });
    }
    setEditing(null);
    setNotice({ type: 'success', text: t('settings.saved') });
  }

  async function setActive(user: User, active: boolean) {
    setNotice(null);
    try {
      await save.mutateAsync({ id: user.id, version: user.version, patch: { active } });
      setNotice({ type: 'success', text: active ? t('settings.users.reactivated', { name: user.display_name }) : t('settings.users.deactivated', { name: user.display_name }) });
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      setNotice({ type: 'error', text: p.fieldErrors.active ?? p.message });
    }
  }

  const columns: TableProps<User>['columns'] = [
    { key: 'username', title: t('settings.users.username'), dataIndex: 'username' },
    { key: 'name', title: t('settings.users.displayName'), dataIndex: 'display_name' },
    { key: 'department', title: t('topbar.department'), render: (_, u) => deptName(u.department_id) },
    { key: 'roles', title: t('topbar.roles'), render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(`role.${r}`, { defaultValue: r })}</Tag>) },
    {
      key: 'active',
      title: t('customers.status'),
      render: (_, u) => (u.active ? <Tag color="success">{t('settings.active')}</Tag> : <Tag>{t('settings.inactive')}</Tag>),
    },
    {
      key: 'actions',
      title: t('settings.actions'),
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing(u)}>
            {t('settings.edit')}
          </Button>
          <Button type="link" danger={u.active} onClick={() => void setActive(u, !u.active)}>
            {u.active ? t('settings.users.deactivate') : t('settings.users.reactivate')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="kehu-page__head">
        <span className="kehu-muted">{t('settings.users.hint')}</span>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('settings.users.new')}
        </Button>
      </div>
      <div aria-live="polite">
        {notice && <Alert type={notice.type} showIcon closable message={notice.text} onClose={() => setNotice(null)} className="kehu-gap" role={notice.type === 'error' ? 'alert' : 'status'} />}
      </div>
      <Table<User> rowKey="id" size="middle" loading={users.isPending} columns={columns} dataSource={users.data ?? []} pagination={false} scroll={{ x: 800 }} />
      <FormDrawer<Values>
        open={editing !== null}
        title={editing === 'new' ? t('settings.users.new') : t('settings.users.edit')}
        submitLabel={t('settings.save')}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        busy={save.isPending}
        name="user"
        initialValues={editing && editing !== 'new' ? { ...editing, email: editing.email ?? undefined, phone: editing.phone ?? undefined } : undefined}
        width={480}
      >
        <Form.Item name="username" label={t('settings.users.username')} rules={[{ required: editing === 'new', message: t('validation.required') }]}>
          <Input disabled={editing !== 'new'} autoComplete="off" />
        </Form.Item>
        <Form.Item name="display_name" label={t('settings.users.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing === 'new' ? t('login.password') : t('settings.users.newPassword')}
          extra={t('pages.me.password.rule', { count: 12 })}
          rules={[
            { required: editing === 'new', message: t('validation.required') },
            { min: 12, message: t('pages.me.password.rule', { count: 12 }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="department_id" label={t('topbar.department')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="roles" label={t('topbar.roles')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="email" label={t('settings.users.email')}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="phone" label={t('customers.phone')}>
          <Input />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
