import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

/** The page's h1 (also the tab title) with optional actions on the right. */
export function PageHeading({ title, extra, tabTitle }: { title: string; extra?: ReactNode; tabTitle?: string }) {
  usePageTitle(tabTitle ?? title);
  return (
    <div className="kehu-page__head">
      <Typography.Title level={1} id="page-title" className="kehu-page__title">
        {title}
      </Typography.Title>
      {extra && <div className="kehu-page__extra">{extra}</div>}
    </div>
  );
}
