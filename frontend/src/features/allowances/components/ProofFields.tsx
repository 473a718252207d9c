import { Form, Input, Radio, type FormItemProps } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

export type ProofKind = Schemas['ProofKind'];
/** In the paper forms' order: (a) the stamped invoice, (b) a stamped copy, (c) a signed certificate. */
export const PROOF_KINDS = everyCode<ProofKind>()(['invoice_stamped', 'stamped_copy', 'return_certificate']);

export interface ProofFieldsProps {
  /** The form's field for the kind (default `proof_kind`, as AllowanceActionBody names it; the return note's ProofInput says `kind`). */
  kindName?: FormItemProps['name'];
  /** The form's field for the invoice's or certificate's number (default `proof_reference`; ProofInput says `reference`). */
  referenceName?: FormItemProps['name'];
  /** The group's label (default 折让证明). */
  label?: string;
  referenceLabel?: string;
  referenceExtra?: string;
  /** The kind must be picked (default yes; the reference is always optional). */
  required?: boolean;
  /**
   * Catalog groups for each kind's words, `<group>.<code>`: its short name,
   * and the explanation under it (null: none). Defaults to the allowance's
   * (`allowances.proofName`, `allowances.proof`); the return note may pass
   * `{ name: 'returns.proof.kind', hint: null }`.
   */
  words?: { name: string; hint?: string | null };
}

/**
 * The proof the buyer gave (a/b/c) and its number, inside an antd Form: a
 * labelled radio group whose options carry their explanations (as the
 * option's description), and an optional reference. Shared by the
 * certificate's 客户签章 drawer and, for the proof of return, the return note.
 */
export function ProofFields({
  kindName = 'proof_kind',
  referenceName = 'proof_reference',
  label,
  referenceLabel,
  referenceExtra,
  required = true,
  words = { name: 'allowances.proofName', hint: 'allowances.proof' },
}: ProofFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const title = label ?? t('allowances.proof.title');
  const hint = words.hint === undefined ? 'allowances.proof' : words.hint;
  return (
    <>
      {/* A real radio group, named by the label; the field itself sits inside (its messages show on this item). */}
      <Form.Item label={<span id={`${id}-label`}>{title}</span>} required={required} className="kehu-proof">
        <div role="radiogroup" aria-labelledby={`${id}-label`} aria-required={required}>
          <Form.Item name={kindName} noStyle rules={[{ required, message: t('validation.required') }]}>
            <Radio.Group className="kehu-proof-kinds">
              {PROOF_KINDS.map((kind) => {
                const described = hint ? `${id}-${kind}` : undefined;
                return (
                  <div key={kind} className="kehu-proof-kind" data-proof-kind={kind}>
                    <Radio value={kind} aria-describedby={described}>
                      {t(`${words.name}.${kind}`)}
                    </Radio>
                    {hint && (
                      <div id={described} className="kehu-proof-kind__hint kehu-muted">
                        {t(`${hint}.${kind}`)}
                      </div>
                    )}
                  </div>
                );
              })}
            </Radio.Group>
          </Form.Item>
        </div>
      </Form.Item>
      <Form.Item name={referenceName} label={referenceLabel ?? t('allowances.proof.reference')} extra={referenceExtra ?? t('allowances.proof.referenceHint')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
    </>
  );
}
