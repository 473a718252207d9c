import { Card, List, Table, type TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { formatQuantity } from '../../../lib/format';
import { skipsRework, type HandlingView, type HandlingLine } from '../lib/handling';

type Row = HandlingLine & { n: number };

/**
 * The handling's items: 品号, 规格/描述, 实退量 (what the warehouse received),
 * 整改数量 (not for goods put back as they are or scrapped), 验收入库量 (or
 * 报废数量); a table on a desk, cards on a phone.
 */
export function HandlingLines({ handling: h }: { handling: HandlingView }) {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const qty = (q: number | null | undefined) => (q === null || q === undefined ? '—' : formatQuantity(q, i18n.language));
  // Two items may read alike: the position is the key.
  const rows: Row[] = h.lines.map((l, n) => ({ ...l, n }));
  const quantities: { key: string; title: string; value: (l: Row) => number | null | undefined }[] = [
    { key: 'received', title: t('returns.note.received'), value: (l) => l.received },
    ...(skipsRework(h) ? [] : [{ key: 'reworked', title: t('returns.handling.reworked'), value: (l: Row) => l.reworked }]),
    {
      key: 're_received',
      title: t(h.disposition === 'scrap' ? 'returns.handling.scrapped' : 'returns.handling.reReceived'),
      value: (l) => l.re_received,
    },
  ];

  if (phone) {
    return (
      <List
        dataSource={rows}
        rowKey="n"
        className="kehu-cards"
        renderItem={(l) => (
          <List.Item>
            <Card size="small" className="kehu-card" title={t('returns.field.line', { n: l.n + 1 })} data-testid="handling-line">
              <div className="kehu-card__row">
                <strong>{l.product_number}</strong>
              </div>
              {l.description && <div>{l.description}</div>}
              <dl className="kehu-note-card__quantities">
                {quantities.map((q) => (
                  <div key={q.key}>
                    <dt>{q.title}</dt>
                    <dd>{qty(q.value(l))}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableProps<Row>['columns'] = [
    { key: 'n', title: '#', width: 48, render: (_, l) => l.n + 1 },
    { key: 'product', title: t('returns.note.productNumber'), render: (_, l) => l.product_number },
    { key: 'description', title: t('returns.note.description'), render: (_, l) => l.description ?? '' },
    ...quantities.map((q) => ({ key: q.key, title: q.title, align: 'right' as const, render: (_: unknown, l: Row) => qty(q.value(l)) })),
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="n"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 560 }}
      className="kehu-handling-table"
      onRow={() => ({ 'data-testid': 'handling-line' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
