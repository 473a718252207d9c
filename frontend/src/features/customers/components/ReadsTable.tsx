import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';

type Read = Schemas['ReadView'];

/** 查阅记录: who read the record without owning it, on what basis, when. */
export function ReadsTable({ reads, loading }: { reads: Read[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const columns: TableProps<Read>['columns'] = [
    { key: 'user', title: t('customers.reads.user'), render: (_, r) => r.user.name },
    { key: 'basis', title: t('customers.reads.basis'), render: (_, r) => t(`customers.basis.${r.basis}`, { defaultValue: r.basis }) },
    { key: 'what', title: t('customers.reads.what'), render: (_, r) => t(`customers.reads.whats.${r.what}`, { defaultValue: r.what }) },
    { key: 'at', title: t('customers.reads.at'), render: (_, r) => formatDateTime(r.at, i18n.language) },
  ];
  return (
    <Table<Read>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={reads}
      pagination={reads.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 560 }}
      locale={{ emptyText: t('customers.reads.empty') }}
    />
  );
}
