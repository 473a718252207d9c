import { Card, List, Table, Tag, type TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { formatQuantity } from '../../../lib/format';

type Part = Schemas['PartView'];
type Row = Part & { n: number };

/** 部件清单表, read-only: part, expected, present, missing (rows with a part missing stand out); cards on a phone. */
export function PartsTable({ parts }: { parts: Part[] }) {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const qty = (n: number) => formatQuantity(n, i18n.language);
  // Two rows may name the same part: the position is the key.
  const rows: Row[] = parts.map((p, n) => ({ ...p, n }));
  const missingTotal = parts.reduce((sum, p) => sum + p.missing, 0);
  const missing = (p: Part) =>
    p.missing > 0 ? (
      <Tag color="error" className="kehu-part__missing">
        {qty(p.missing)}
      </Tag>
    ) : (
      <span className="kehu-muted">0</span>
    );

  if (parts.length === 0) return <p className="kehu-muted">{t('returns.inspection.noParts')}</p>;

  const summary = (
    <p className={missingTotal > 0 ? 'kehu-parts__sum kehu-warning-text' : 'kehu-parts__sum kehu-muted'} data-testid="parts-missing-total">
      {missingTotal > 0 ? t('returns.inspection.missingTotal', { n: qty(missingTotal) }) : t('returns.inspection.complete')}
    </p>
  );

  if (phone) {
    return (
      <>
        <List
          dataSource={rows}
          rowKey="n"
          className="kehu-cards"
          renderItem={(p) => (
            <List.Item>
              <Card size="small" className={p.missing > 0 ? 'kehu-card kehu-part--missing' : 'kehu-card'} data-testid="part-row">
                <div className="kehu-card__row">
                  <strong>{p.part}</strong>
                  {p.missing > 0 && (
                    <Tag color="error" className="kehu-part__missing">
                      {t('returns.inspection.missing')} {qty(p.missing)}
                    </Tag>
                  )}
                </div>
                <div className="kehu-card__meta">
                  {t('returns.inspection.expected')} {qty(p.expected)} · {t('returns.inspection.present')} {qty(p.present)}
                </div>
              </Card>
            </List.Item>
          )}
        />
        {summary}
      </>
    );
  }

  const columns: TableProps<Row>['columns'] = [
    { key: 'n', title: '#', width: 48, render: (_, p) => p.n + 1 },
    { key: 'part', title: t('returns.inspection.part'), render: (_, p) => p.part },
    { key: 'expected', title: t('returns.inspection.expected'), align: 'right', render: (_, p) => qty(p.expected) },
    { key: 'present', title: t('returns.inspection.present'), align: 'right', render: (_, p) => qty(p.present) },
    { key: 'missing', title: t('returns.inspection.missing'), align: 'right', render: (_, p) => missing(p) },
  ];
  return (
    <>
      <Table<Row>
        size="small"
        rowKey="n"
        columns={columns}
        dataSource={rows}
        pagination={false}
        className="kehu-parts-table"
        rowClassName={(p) => (p.missing > 0 ? 'kehu-part--missing' : '')}
        onRow={() => ({ 'data-testid': 'part-row' }) as HTMLAttributes<HTMLElement>}
      />
      {summary}
    </>
  );
}
