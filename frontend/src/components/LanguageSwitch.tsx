import { DownOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n';
import { LANGUAGES, isLanguage } from '../i18n/languages';

/** Language menu for the top bar and the login page. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : currentLanguage();
  const currentName = t(`language.${current}`);

  const items: MenuProps['items'] = LANGUAGES.map((language) => ({
    key: language,
    label: <span lang={language}>{t(`language.${language}`)}</span>,
  }));

  return (
    <Dropdown
      trigger={['click']}
      autoFocus
      menu={{
        items,
        selectable: true,
        selectedKeys: [current],
        onClick: ({ key }) => {
          if (isLanguage(key)) void changeLanguage(key);
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined aria-hidden />}
        aria-label={t('topbar.languageCurrent', { name: currentName })}
        className="kehu-topbar__button"
      >
        {!compact && (
          <>
            <span lang={current}>{currentName}</span> <DownOutlined aria-hidden className="kehu-caret" />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
