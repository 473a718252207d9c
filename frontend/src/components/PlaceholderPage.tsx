import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle';

interface Props {
  /** Catalog key prefix: pages.<name>.{title,empty,emptyHint}. */
  name: string;
  /** What to do next, e.g. a primary button once the feature exists. */
  extra?: ReactNode;
}

/** A page whose feature is still to be built: its title and an empty state. */
export function PlaceholderPage({ name, extra }: Props) {
  const { t } = useTranslation();
  const title = t(`pages.${name}.title`);
  usePageTitle(title);
  return (
    <section className="kehu-page" aria-labelledby="page-title">
      <Typography.Title level={1} id="page-title" className="kehu-page__title">
        {title}
      </Typography.Title>
      <Empty
        className="kehu-page__empty"
        description={
          <>
            <Typography.Paragraph strong>{t(`pages.${name}.empty`)}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t(`pages.${name}.emptyHint`)}</Typography.Paragraph>
          </>
        }
      >
        {extra}
      </Empty>
    </section>
  );
}
