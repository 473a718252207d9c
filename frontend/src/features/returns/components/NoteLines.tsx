import { WarningOutlined } from '@ant-design/icons';
import { Card, List, Table, Tag, type TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../app/layout/useIsPhone';
import { formatQuantity } from '../../../lib/format';
import { lineExcess, type NoteLine } from '../lib/note';

type Row = NoteLine & { n: number };

/** "超出核定 +2", or "超出允收 +60" past the tolerance: in words, the colour only repeats them. */
export function ExcessTag({ line, bp }: { line: NoteLine; bp: number }) {
  const { t, i18n } = useTranslation();
  const { over, beyondTolerance } = lineExcess(line, bp);
  if (over === 0) return null;
  return (
    <Tag color={beyondTolerance ? 'error' : 'warning'} icon={<WarningOutlined aria-hidden />} className="kehu-note-excess" data-testid="note-excess">
      {t(beyondTolerance ? 'returns.note.beyondTolerance' : 'returns.note.overApproved', { n: formatQuantity(over, i18n.language) })}
    </Tag>
  );
}

/**
 * The note's items: 品号, 规格/描述, 核定量, 实退量 (an excess stands out,
 * named), 入账量; a table on a desk, cards on a phone.
 */
export function NoteLines({ lines, bp }: { lines: NoteLine[]; bp: number }) {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const qty = (q: number | null | undefined) => (q === null || q === undefined ? '—' : formatQuantity(q, i18n.language));
  // Two items may read alike: the position is the key.
  const rows: Row[] = lines.map((l, n) => ({ ...l, n }));
  const excess = (l: NoteLine) => lineExcess(l, bp).over > 0;

  if (phone) {
    return (
      <List
        dataSource={rows}
        rowKey="n"
        className="kehu-cards"
        renderItem={(l) => (
          <List.Item>
            <Card
              size="small"
              className={excess(l) ? 'kehu-card kehu-note-line--excess' : 'kehu-card'}
              title={t('returns.field.line', { n: l.n + 1 })}
              data-testid="note-line"
            >
              <div className="kehu-card__row">
                <strong>{l.product_number}</strong>
                <ExcessTag line={l} bp={bp} />
              </div>
              {l.description && <div>{l.description}</div>}
              <dl className="kehu-note-card__quantities">
                <div>
                  <dt>{t('returns.note.approved')}</dt>
                  <dd>{qty(l.approved)}</dd>
                </div>
                <div>
                  <dt>{t('returns.note.received')}</dt>
                  <dd>{qty(l.received)}</dd>
                </div>
                <div>
                  <dt>{t('returns.note.booked')}</dt>
                  <dd>{qty(l.booked)}</dd>
                </div>
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
    { key: 'approved', title: t('returns.note.approved'), align: 'right', render: (_, l) => qty(l.approved) },
    {
      key: 'received',
      title: t('returns.note.received'),
      align: 'right',
      render: (_, l) =>
        excess(l) ? (
          <span className="kehu-note-received">
            <strong>{qty(l.received)}</strong> <ExcessTag line={l} bp={bp} />
          </span>
        ) : (
          qty(l.received)
        ),
    },
    { key: 'booked', title: t('returns.note.booked'), align: 'right', render: (_, l) => qty(l.booked) },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="n"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 640 }}
      className="kehu-note-table"
      rowClassName={(l) => (excess(l) ? 'kehu-note-line--excess' : '')}
      onRow={() => ({ 'data-testid': 'note-line' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
