import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { DrawerFrame } from '../../../components/form-drawer/DrawerFrame';
import { useImportCustomers } from '../api/io';
import { importRowErrors, type ImportRowError } from '../lib/importErrors';
import '../customers.css';

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (result: Schemas['ImportResult']) => void;
}

/** The per-row problems of a refused file: row, column, message. */
export function ImportErrorTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  return (
    <div className="kehu-import-errors" data-testid="import-errors">
      <Table<ImportRowError>
        rowKey="key"
        size="small"
        dataSource={errors}
        pagination={errors.length > 20 ? { pageSize: 20, size: 'small' } : false}
        columns={[
          { key: 'row', title: t('care.import.row'), width: 80, render: (_, e) => e.row ?? '—' },
          { key: 'field', title: t('care.import.field'), width: 160, render: (_, e) => t(`care.import.fields.${e.field}`, { defaultValue: t(`customers.field.${e.field}`, { defaultValue: e.field }) }) },
          { key: 'message', title: t('care.import.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}

/** 导入: pick a file, check it (dry run: counts or the error table), then import it. */
export function ImportDrawer({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const mutation = useImportCustomers();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Schemas['ImportResult'] | null>(null);
  const [problem, setProblem] = useState<{ message: string; rows: ImportRowError[] } | null>(null);

  useEffect(() => {
    setFile(null);
    setChecked(null);
    setProblem(null);
  }, [open]);

  async function run(dryRun: boolean) {
    if (!file) return;
    setProblem(null);
    try {
      const result = await mutation.mutateAsync({ file, dryRun });
      if (dryRun) setChecked(result);
      else onDone(result);
    } catch (failure) {
      setChecked(null);
      const p = problemToFormErrors(failure, t);
      setProblem({ message: p.status === 422 ? t('care.import.refused') : p.message, rows: importRowErrors(p.fieldErrors) });
    }
  }

  return (
    <DrawerFrame
      open={open}
      title={t('care.import.title')}
      onClose={onClose}
      width={640}
      buttons={
        <>
          <Button disabled={!file} loading={mutation.isPending && !checked} onClick={() => void run(true)}>
            {t('care.import.check')}
          </Button>
          <Button type="primary" disabled={!file || !checked} loading={mutation.isPending && !!checked} onClick={() => void run(false)}>
            {t('care.import.run')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('care.import.hint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        height={120}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        beforeUpload={(f) => {
          setFile(f);
          setChecked(null);
          setProblem(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setChecked(null);
          setProblem(null);
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('care.import.pick')}</p>
      </Upload.Dragger>
      <div aria-live="polite" className="kehu-gap-top">
        {checked && (
          <Alert
            type="success"
            showIcon
            role="status"
            message={t('care.import.checked')}
            description={
              <Descriptions
                size="small"
                column={{ xs: 2, sm: 4 }}
                items={(['rows', 'created', 'updated', 'unchanged'] as const).map((k) => ({ key: k, label: t(`care.import.counts.${k}`), children: checked[k] }))}
              />
            }
          />
        )}
        {problem && <Alert type="error" showIcon role="alert" message={problem.message} />}
      </div>
      {problem && problem.rows.length > 0 && <ImportErrorTable errors={problem.rows} />}
    </DrawerFrame>
  );
}
