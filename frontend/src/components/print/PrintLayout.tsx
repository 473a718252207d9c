import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from '../usePageTitle';
import './print.css';

export interface SignOffRow {
  /** Who signs at this line: 申请人, 业务主管, … */
  label: string;
  /** Blank until signed. */
  name?: string | null;
  date?: string | null;
}

export interface PrintLayoutProps {
  company: string;
  /** The document's name, e.g. 客户退换货申请单. */
  title: string;
  number: string;
  /** "编号": how the number is introduced. */
  numberLabel: string;
  /**
   * The number goes in the heading (催办单 CB2612-0001) instead of the line
   * under it: for a document that is known by its number.
   */
  numberInTitle?: boolean;
  /**
   * One page carries every copy's mark (一式三联：第一联 业务 / …): the forms
   * go onto pre-collated three-part carbonless paper, so one impression
   * makes all three copies; on plain paper the print dialog's copy count
   * does the same without tripling the PDF.
   */
  copies?: { label: string; marks: string[] };
  signOff?: { title: string; signature: string; date: string; rows: SignOffRow[] };
  /** Screen only: the print button's label and what sits beside it (a way back). */
  printLabel: string;
  toolbar?: ReactNode;
  children: ReactNode;
}

/**
 * An A4 paper form: title block, the body, and a sign-off block. On screen
 * it shows as a sheet with a toolbar; printing hides the app around it.
 */
export function PrintLayout({ company, title, number, numberLabel, numberInTitle = false, copies, signOff, printLabel, toolbar, children }: PrintLayoutProps) {
  usePageTitle(`${title} ${number}`);
  return (
    <div className="kehu-print">
      <div className="kehu-print__toolbar" role="toolbar" aria-label={printLabel}>
        <Space wrap>
          {toolbar}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {printLabel}
          </Button>
        </Space>
      </div>
      <article className="kehu-print__sheet" aria-labelledby="print-title">
        <header className="kehu-print__head">
          <div className="kehu-print__company">{company}</div>
          <h1 id="print-title" className="kehu-print__title">
            {title}
            {numberInTitle && (
              <>
                {' '}
                <span className="kehu-print__title-number" data-testid="print-number">
                  {number}
                </span>
              </>
            )}
          </h1>
          <div className="kehu-print__meta">
            {!numberInTitle && (
              <span data-testid="print-number">
                {numberLabel} <strong>{number}</strong>
              </span>
            )}
            {copies && (
              <span className="kehu-print__copies">
                <strong>{copies.label}</strong> {copies.marks.join(' / ')}
              </span>
            )}
          </div>
        </header>
        {children}
        {signOff && <SignOffBlock {...signOff} />}
      </article>
    </div>
  );
}

function SignOffBlock({ title, signature, date, rows }: NonNullable<PrintLayoutProps['signOff']>) {
  return (
    <table className="kehu-print__table kehu-print__signoff" aria-label={title}>
      <thead>
        <tr>
          {rows.map((r) => (
            <th key={r.label} scope="col">
              {r.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {rows.map((r) => (
            <td key={r.label} data-testid="signoff-cell">
              <div className="kehu-print__sign">
                <span className="kehu-print__sign-label">{signature}</span>
                <span className="kehu-print__line">{r.name ?? ''}</span>
              </div>
              <div className="kehu-print__sign">
                <span className="kehu-print__sign-label">{date}</span>
                <span className="kehu-print__line">{r.date ?? ''}</span>
              </div>
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export interface PrintField {
  label: string;
  value: ReactNode;
  /** Take the whole row (long text). */
  wide?: boolean;
}

/** Label / value cells, two pairs a row; a wide field takes a row of its own. */
export function PrintFields({ fields }: { fields: PrintField[] }) {
  const rows: PrintField[][] = [];
  for (const field of fields) {
    const last = rows.at(-1);
    if (!field.wide && last && last.length === 1 && !last[0]!.wide) last.push(field);
    else rows.push([field]);
  }
  return (
    <table className="kehu-print__table kehu-print__fields">
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((f) => (
              <FieldCells key={f.label} field={f} span={row.length === 1 ? 3 : 1} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldCells({ field, span }: { field: PrintField; span: number }) {
  return (
    <>
      <th scope="row">{field.label}</th>
      <td colSpan={span}>{field.value === null || field.value === undefined || field.value === '' ? '—' : field.value}</td>
    </>
  );
}

export interface PrintColumn<T> {
  key: string;
  title: string;
  render: (row: T, index: number) => ReactNode;
  align?: 'left' | 'right' | 'center';
}

/** A ruled table for items; `foot` is the total row's cells after its label. */
export function PrintTable<T>({ caption, columns, rows, foot }: { caption?: string; columns: PrintColumn<T>[]; rows: T[]; foot?: { label: string; cells: ReactNode[] } }) {
  return (
    <table className="kehu-print__table kehu-print__items">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" style={{ textAlign: c.align ?? 'left' }}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.key} style={{ textAlign: c.align ?? 'left' }}>
                {c.render(row, i)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {foot && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={columns.length - foot.cells.length}>
              {foot.label}
            </th>
            {foot.cells.map((cell, i) => (
              <td key={i} style={{ textAlign: 'right' }}>
                {cell}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
