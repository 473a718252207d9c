import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { getSession, subscribeSession } from '../api/session';
import { isLanguage, DEFAULT_LANGUAGE } from '../i18n/languages';
import { antdLocale } from '../i18n/ui-locale';
import { createAppQueryClient } from './query-client';
import { theme } from './theme';

type AppRouter = ReturnType<typeof createBrowserRouter>;

/** Providers around the router: antd locale and theme, React Query. */
export function App({ router }: { router: AppRouter }) {
  const { i18n } = useTranslation();
  const [queryClient] = useState<QueryClient>(createAppQueryClient);
  // A signed-out user must not see the previous user's cached data.
  useEffect(
    () =>
      subscribeSession(() => {
        if (getSession().status === 'anonymous') queryClient.clear();
      }),
    [queryClient],
  );
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;

  return (
    <ConfigProvider locale={antdLocale(language)} theme={theme} button={{ autoInsertSpace: false }}>
      {/* antd's <App> (message/modal context) is left out: it pulls Modal and
          notification into the first screen. Add it where a page needs them. */}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
