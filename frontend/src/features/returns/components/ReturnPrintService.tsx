import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { PrintFields, PrintTable } from '../../../components/print/PrintLayout';
import { formatDate, formatDateTime, formatQuantity } from '../../../lib/format';
import { ORIGINALS } from '../lib/service';

/** On the printed form of an approved application: the on-site inspection with its parts list, and the originals checklist. */
export function ReturnPrintService({ application: r }: { application: Schemas['ReturnView'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const qty = (n: number) => formatQuantity(n, locale);
  const tick = (yes: boolean) => (yes ? '☑' : '☐');
  const i = r.inspection;
  const condition = (c: Schemas['Condition']) => t(`returns.inspection.condition.${c}`);
  const missingTotal = i ? i.parts.reduce((sum, p) => sum + p.missing, 0) : 0;

  return (
    <>
      {!r.inspection_needed && <PrintFields fields={[{ label: t('returns.inspection.title'), value: t('returns.inspection.notNeeded'), wide: true }]} />}
      {r.inspection_needed && i && (
        <>
          <PrintFields
            fields={[
              { label: t('returns.inspection.function'), value: condition(i.function) },
              { label: t('returns.inspection.appearance'), value: condition(i.appearance) },
              ...(i.function_note ? [{ label: t('returns.inspection.functionNote'), value: i.function_note, wide: true }] : []),
              ...(i.appearance_note ? [{ label: t('returns.inspection.appearanceNote'), value: i.appearance_note, wide: true }] : []),
              { label: t('returns.inspection.inspectedBy'), value: i.inspected_by?.name },
              { label: t('returns.inspection.inspectedAt'), value: i.inspected_at ? formatDateTime(i.inspected_at, locale) : null },
              { label: t('returns.inspection.signedBy'), value: i.signed_by },
              { label: t('returns.inspection.signedOn'), value: i.signed_on ? formatDate(i.signed_on, locale) : null },
            ]}
          />
          <PrintTable
            caption={t('returns.inspection.parts')}
            rows={i.parts}
            columns={[
              { key: 'n', title: '#', render: (_, n) => n + 1, align: 'center' },
              { key: 'part', title: t('returns.inspection.part'), render: (p) => p.part },
              { key: 'expected', title: t('returns.inspection.expected'), render: (p) => qty(p.expected), align: 'right' },
              { key: 'present', title: t('returns.inspection.present'), render: (p) => qty(p.present), align: 'right' },
              { key: 'missing', title: t('returns.inspection.missing'), render: (p) => (p.missing > 0 ? <strong>{qty(p.missing)}</strong> : '0'), align: 'right' },
            ]}
            foot={{ label: t('returns.form.total'), cells: [<strong key="missing" data-testid="print-missing">{qty(missingTotal)}</strong>] }}
          />
        </>
      )}
      <PrintTable
        caption={t('returns.originals.title')}
        rows={[...ORIGINALS]}
        columns={[
          { key: 'original', title: t('returns.originals.list'), render: (o) => `${tick(r.originals_collected.includes(o))} ${t(`returns.originals.kind.${o}`)}` },
          {
            key: 'state',
            title: t('returns.field.state'),
            render: (o) => t(r.originals_collected.includes(o) ? 'returns.originals.collected' : 'returns.originals.missing'),
          },
        ]}
      />
    </>
  );
}
