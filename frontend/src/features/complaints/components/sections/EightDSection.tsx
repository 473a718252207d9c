import { FileProtectOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Schemas } from '../../../../api/types';
import { EightDStateTag, RequiredTag } from '../../../eight-d/components/EightDStateTag';
import { OpenEightDDrawer } from '../../../eight-d/components/OpenEightDDrawer';
import { CaseSection } from './CaseSection';

/**
 * 8D 问题处理报告 on the case: whether the case needs one, where the report
 * stands, and opening it (QA, the QA manager or the coordinator, once the
 * case is registered). Hidden on a case that neither needs nor has one and
 * where the reader may not open one.
 */
export function EightDSection({ complaint: c }: { complaint: Schemas['ComplaintView'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const brief = c.eight_d;
  const state = brief.state ?? null;
  if (!brief.required && !state && !brief.can_open) return null;

  return (
    <CaseSection id="section-8d" title={t('eightD.title')} reached>
      <div data-testid="section-8d-card">
        {conflict && <Alert type="warning" showIcon closable className="kehu-gap" message={conflict} onClose={() => setConflict(null)} />}
        <div className="kehu-tags kehu-gap">
          <RequiredTag required={brief.required} />
          {state ? <EightDStateTag state={state} /> : <Typography.Text type="secondary">{t('eightD.card.none')}</Typography.Text>}
        </div>
        {brief.required && state !== 'approved' && <p className="kehu-muted">{t('eightD.card.requiredHint')}</p>}
        <Space wrap>
          {state && (
            <Link to={`/complaints/${c.id}/8d`}>
              <Button icon={<FileProtectOutlined />}>{t('eightD.card.view')}</Button>
            </Link>
          )}
          {brief.can_open && (
            <Button type="primary" onClick={() => setOpening(true)}>
              {t('eightD.card.open')}
            </Button>
          )}
        </Space>
      </div>
      <OpenEightDDrawer
        complaintId={c.id}
        open={opening}
        onClose={() => setOpening(false)}
        onConflict={(message) => {
          setOpening(false);
          setConflict(message);
        }}
        onDone={() => {
          setOpening(false);
          navigate(`/complaints/${c.id}/8d`);
        }}
      />
    </CaseSection>
  );
}
