import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import type { ActionOutcome } from '../../../components/form-drawer/failure';
import { FormDrawer } from '../../../components/form-drawer/FormDrawer';
import { useRecordProof } from '../api/mutations';
import { PROOF_KINDS, proofInput, type NoteView, type ProofValues } from '../lib/note';

type ReturnView = Schemas['ReturnView'];

interface Props extends ActionOutcome {
  application: ReturnView;
  note: NoteView;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/**
 * 退货证明: which proof of return sales obtained from the buyer, and its
 * number; recorded (or corrected) until accounting books the note, with If-Match.
 */
export function NoteProofDrawer({ application: r, note, open, onClose, onDone, onConflict, onStale }: Props) {
  const { t } = useTranslation();
  const mutation = useRecordProof();
  const label = t('returns.proof.record');
  const title = t('returns.proof.title');

  async function submit(values: ProofValues) {
    await mutation.mutateAsync({ id: r.id, version: r.version, body: proofInput(values) });
    onDone();
  }

  return (
    <FormDrawer<ProofValues>
      open={open}
      title={label}
      submitLabel={label}
      onClose={onClose}
      onSubmit={submit}
      busy={mutation.isPending}
      initialValues={{ kind: note.proof_kind ?? undefined, reference: note.proof_reference ?? '' }}
      failure={{ fields: ['kind', 'reference'], outcome: { onConflict, onStale }, messages: { 412: t('returns.detail.stale') } }}
      name="return-proof"
      width={520}
      facts={[
        { key: 'note', label: t('returns.note.number'), children: note.number },
        { key: 'customer', label: t('returns.field.customer'), children: r.customer.name },
      ]}
      before={<p className="kehu-muted">{t('returns.proof.hint')}</p>}
    >
      <Form.Item name="kind" label={title} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group aria-label={title} className="kehu-proof-kinds" options={PROOF_KINDS.map((k) => ({ value: k, label: t(`returns.proof.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="reference" label={t('returns.proof.reference')} extra={t('returns.proof.referenceHint')}>
        <Input maxLength={100} autoComplete="off" />
      </Form.Item>
    </FormDrawer>
  );
}
