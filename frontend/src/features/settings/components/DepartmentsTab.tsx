import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors, toAntdFields } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { useDepartments } from '../../reference/api/queries';
import { DEPARTMENT_KINDS, useSaveDepartment } from '../api/queries';

type Department = Schemas['DepartmentView'];
interface Values {
  code?: string;
  name?: string;
  kind?: string;
}

/** Departments: list, create, rename, deactivate. */
export function DepartmentsTab() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const save = useSaveDepartment();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [notice, setNotice] = useState<{ type: 'error' | 'success'; text: string } | null>(null);
  const [form] = Form.useForm<Values>();

  function open(d: Department | 'new') {
    setEditing(d);
    form.resetFields();
    if (d !== 'new') form.setFieldsValue(d);
  }

  async function run(task: () => Promise<unknown>, ok: string): Promise<boolean> {
    try {
      await task();
      setNotice({ type: 'success', text: ok });
      return true;
    } catch (failure) {
      const p = problemToFormErrors(failure, t);
      form.setFields(toAntdFields<Values>(p.fieldErrors));
      setNotice({ type: 'error', text: p.message });
      return false;
    }
  }

  async function submit(v: Values) {
    const done =
      editing === 'new'
        ? await run(() => save.mutateAsync({ create: { code: v.code?.trim() ?? '', name: v.name?.trim() ?? '', kind: v.kind ?? '' } }), t('settings.saved'))
        : editing && (await run(() => save.mutateAsync({ id: editing.id, version: editing.version, patch: { name: v.name?.trim() } }), t('settings.saved')));
    if (done) setEditing(null);
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
          <Button type="link" onClick={() => open(d)}>
            {t('settings.edit')}
          </Button>
          <Button
            type="link"
            danger={d.active}
            onClick={() => void run(() => save.mutateAsync({ id: d.id, version: d.version, patch: { active: !d.active } }), t('settings.saved'))}
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
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
          {t('settings.departments.new')}
        </Button>
      </div>
      {notice && <Alert type={notice.type} showIcon closable message={notice.text} onClose={() => setNotice(null)} className="kehu-gap" />}
      <Table<Department> rowKey="id" size="middle" loading={departments.isPending} columns={columns} dataSource={departments.data ?? []} pagination={false} scroll={{ x: 640 }} />
      <Drawer
        open={editing !== null}
        title={editing === 'new' ? t('settings.departments.new') : t('settings.departments.edit')}
        onClose={() => setEditing(null)}
        destroyOnHidden
        width={420}
        footer={
          <Space className="kehu-drawer__footer">
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              {t('settings.save')}
            </Button>
          </Space>
        }
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit} name="department">
          <Form.Item name="code" label={t('settings.departments.code')} rules={[{ required: editing === 'new', message: t('validation.required') }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="name" label={t('settings.departments.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('settings.departments.kind')} rules={[{ required: editing === 'new', message: t('validation.required') }]}>
            <Select disabled={editing !== 'new'} options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`departmentKind.${k}`) }))} />
          </Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
