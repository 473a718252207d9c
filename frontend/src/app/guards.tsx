import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { PageFallback } from '../components/PageFallback';
import { useSession } from '../features/auth/hooks/useSession';
import { loginPath } from '../features/auth/next-path';

/** Signed-in routes: wait for the session restore, else go to /login?next=... */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <PageFallback fullPage />;
  if (session.status === 'anonymous') {
    return <Navigate to={loginPath(location.pathname + location.search + location.hash)} replace />;
  }
  return <Outlet />;
}

/** Hides a route from users without the role (the server checks again). */
export function RequireRole({ role }: { role: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.user?.roles.includes(role)) {
    return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;
  }
  return <Outlet />;
}
