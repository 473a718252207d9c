import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { requiredValue } from '../../../lib/required';
import { useDepartments } from '../../reference/api/queries';
import { DEPARTMENT_KINDS, useSaveDepartment } from '../api/queries';

type Department = Schemas['DepartmentView'];
interface Values {
  code?: string;
  name?: string;
  kind?: Schemas['DepartmentKind'];
}

/** Departments: list, create, rename, deactivate. */
export function DepartmentsTab() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const save = useSaveDepartment();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [notice, setNotice] = useState<{ type: 'error' | 'success'; text: string } | null>(null);

  async function submit(v: Values) {
    if (editing === 'new') {
      await save.mutateAsync({ create: { code: v.code?.trim() ?? '', name: v.name?.trim() ?? '', kind: requiredValue(v.kind, 'kind') } });
    } else if (editing) {
      await save.mutateAsync({ id: editing.id, version: editing.version, patch: { name: v.name?.trim() } });
    }
    setNotice({ type: 'success', text: t('settings.saved') });
    setEditing(null);
  }

  async function setActive(d: Department) {
    try {
      await save.mutateAsync({ id: d.id, version: d.version, patch: { active: !d.active } });
      setNotice({ type: 'success', text: t('settings.saved') });
    } catch (failure) {
      setNotice({ type: 'error', text: problemToFormErrors(failure, t).message });
    }
  }

  const columns: TableProps<Department>['columns'] = [
    { key: 'code', title: t('settings.departments.code'), dataIndex: 'code' },
    { key: 'name', title: t('settings.departments.name'), dataIndex: 'name' },
    { key: 'kind', title: t('settings.departments.kind'), render: (_, d) => t(`departmentKind.${d.kind}`, { defaultValue: d.kind }) },
    { key: 'active', title: t('customers.status'), render: (_, d) => (d.active ? <Tag color="success">{t('settings.active')}</Tag> : <Tag>{t('settings.inactive')}</Tag>) },
    {
      key: 'actions',
      title: t('settings.actions'),
      render: (_, d) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing(d)}>
            {t('settings.edit')}
          </Button>
          <Button
            type="link"
            danger={d.active}
            onClick={() => void setActive(d)}
          >
            {d.active ? t('settings.deactivate') : t('settings.reactivate')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="kehu-page__head">
        <span className="kehu-muted">{t('settings.departments.hint')}</span>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('settings.departments.new')}
        </Button>
      </div>
      {notice && <Alert type={notice.type} showIcon closable message={notice.text} onClose={() => setNotice(null)} className="kehu-gap" />}
      <Table<Department> rowKey="id" size="middle" loading={departments.isPending} columns={columns} dataSource={departments.data ?? []} pagination={false} scroll={{ x: 640 }} />
      <FormDrawer<Values>
        open={editing !== null}
        title={editing === 'new' ? t('settings.departments.new') : t('settings.departments.edit')}
        submitLabel={t('settings.save')}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        busy={save.isPending}
        name="department"
        initialValues={editing === 'new' ? undefined : (editing ?? undefined)}
        width={420}
      >
        <Form.Item name="code" label={t('settings.departments.code')} rules={[{ required: editing === 'new', message: t('validation.required') }]}>
          <Input disabled={editing !== 'new'} />
        </Form.Item>
        <Form.Item name="name" label={t('settings.departments.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('settings.departments.kind')} rules={[{ required: editing === 'new', message: t('validation.required') }]}>
          <Select disabled={editing !== 'new'} options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`departmentKind.${k}`) }))} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
