import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemToFormErrors } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { DrawerFrame } from '../../../components/form-drawer/DrawerFrame';
import { SHEET_ACCEPT } from '../../../lib/upload';
import { importRowErrors, type ImportRowError } from '../../customers/lib/importErrors';
import { useImportPayBasis } from '../api/queries';
import { SHEET_COLUMNS } from '../lib/basis';

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (result: Schemas['ImportResult']) => void;
}

/** A refused file's problems, one line each: "第 3 行 · 基点数: 格式不正确". */
export function PayImportErrors({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  const field = (code: string) => t(`pay.field.${code}`, { defaultValue: code });
  return (
    <ul className="kehu-pay__errors" data-testid="import-errors" aria-label={t('pay.import.errors')}>
      {errors.map((e) => (
        <li key={e.key}>
          {e.row === null
            ? t('pay.import.fileError', { field: field(e.field), message: e.message })
            : t('pay.import.rowError', { row: e.row, field: field(e.field), message: e.message })}
        </li>
      ))}
    </ul>
  );
}

/** 导入 (HR): pick the sheet, 试导入 (a dry run: the counts, or every bad row), then import it. */
export function PayImportDrawer({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const mutation = useImportPayBasis();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Schemas['ImportResult'] | null>(null);
  const [problem, setProblem] = useState<{ message: string; rows: ImportRowError[] } | null>(null);

  const pick = (f: File | null) => {
    setFile(f);
    setChecked(null);
    setProblem(null);
  };

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
      setProblem({ message: p.status === 422 ? t('pay.import.refused') : p.message, rows: importRowErrors(p.fieldErrors) });
    }
  }

  return (
    <DrawerFrame
      open={open}
      title={t('pay.import.title')}
      onClose={onClose}
      width={560}
      buttons={
        <>
          <Button disabled={!file} loading={mutation.isPending && !checked} onClick={() => void run(true)}>
            {t('pay.import.check')}
          </Button>
          <Button type="primary" disabled={!file || !checked} loading={mutation.isPending && !!checked} onClick={() => void run(false)}>
            {t('pay.import.run')}
          </Button>
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('pay.import.hint')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('pay.import.columns', { columns: SHEET_COLUMNS.map((c) => t(`pay.field.${c}`)).join(t('common.listSeparator')) })}
      </Typography.Paragraph>
      <Upload.Dragger
        accept={SHEET_ACCEPT}
        maxCount={1}
        height={120}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        beforeUpload={(f) => {
          pick(f);
          return false;
        }}
        onRemove={() => pick(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('pay.import.pick')}</p>
      </Upload.Dragger>
      <div aria-live="polite" className="kehu-gap-top">
        {checked && (
          <Alert
            type="success"
            showIcon
            role="status"
            message={t('pay.import.checked')}
            description={
              <Descriptions
                size="small"
                column={{ xs: 2, sm: 4 }}
                items={(['rows', 'created', 'updated', 'unchanged'] as const).map((k) => ({ key: k, label: t(`pay.import.counts.${k}`), children: checked[k] }))}
              />
            }
          />
        )}
        {problem && <Alert type="error" showIcon role="alert" message={problem.message} />}
      </div>
      {problem && problem.rows.length > 0 && <PayImportErrors errors={problem.rows} />}
    </DrawerFrame>
  );
}
