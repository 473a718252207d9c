import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/types';
import { usePageTitle } from '../../../components/usePageTitle';
import { isPrimary, type CustomerActionName } from '../lib/actions';
import { CustomerStatusTag, LevelTag } from './CustomerTags';

type Customer = Schemas['CustomerView'];

interface Props {
  customer: Customer;
  actions: CustomerActionName[];
  busy: CustomerActionName | null;
  onPick: (action: CustomerActionName) => void;
  block?: boolean;
}

/** Actions that need no form: a short confirmation is enough. */
const CONFIRMED: CustomerActionName[] = ['claim', 'resubmit'];

/** The buttons for what the caller may do with the record. */
export function CustomerActionButtons({ actions, busy, onPick, block = false }: Omit<Props, 'customer'>) {
  const { t } = useTranslation();
  if (actions.length === 0) return null;
  return (
    <Space wrap className={block ? 'kehu-actions kehu-actions--block' : 'kehu-actions'}>
      {actions.map((a) => {
        const button = (
          <Button
            key={a}
            type={isPrimary(a) ? 'primary' : 'default'}
            size={block ? 'large' : 'middle'}
            loading={busy === a}
            data-action={a}
            onClick={CONFIRMED.includes(a) ? undefined : () => onPick(a)}
          >
            {t(`customers.actions.${a}`)}
          </Button>
        );
        return CONFIRMED.includes(a) ? (
          <Popconfirm
            key={a}
            title={t(`customers.confirm.${a}`)}
            okText={t(`customers.actions.${a}`)}
            cancelText={t('common.cancel')}
            onConfirm={() => onPick(a)}
          >
            {button}
          </Popconfirm>
        ) : (
          button
        );
      })}
    </Space>
  );
}

/** Name (big), code, status, 密级, flags, why the caller reads it; actions on the right. */
export function CustomerHeader({ customer: c, ...buttons }: Props) {
  const { t } = useTranslation();
  usePageTitle(`${c.code} · ${c.name}`);
  const logged = !['owner', 'staff'].includes(c.access);
  return (
    <header className="kehu-case-head">
      <div className="kehu-case-head__main">
        <Typography.Title level={1} id="page-title" className="kehu-customer-head__name">
          {c.name}
        </Typography.Title>
        <div className="kehu-case-head__customer">
          <span className="kehu-mono">{c.code}</span>
          {c.owner_name && <span className="kehu-muted"> · {t('customers.ownerValue', { name: c.owner_name })}</span>}
        </div>
        <div className="kehu-case-head__tags" data-testid="customer-tags">
          <CustomerStatusTag status={c.status} />
          <LevelTag level={c.confidentiality} />
          {c.supply_hold && <Tag color="red">{t('customer.supplyHold')}</Tag>}
          {c.claimable && <Tag color="gold">{t('customers.claimable')}</Tag>}
          {c.registration_late && <Tag color="red">{t('customers.late')}</Tag>}
        </div>
        {logged && (
          <div className="kehu-muted kehu-customer-head__access" data-testid="access-note">
            {t('customers.accessNote', { basis: t(`customers.basis.${c.access}`, { defaultValue: c.access }) })}
          </div>
        )}
      </div>
      {!buttons.block && (
        <div className="kehu-case-head__actions">
          <CustomerActionButtons {...buttons} />
        </div>
      )}
    </header>
  );
}
