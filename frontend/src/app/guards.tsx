import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { PageFallback } from '../components/PageFallback';
import { useSession } from '../features/auth/hooks/useSession';
import { loginPath } from '../features/auth/next-path';

const ForbiddenPage = lazy(() => import('../components/ForbiddenPage'));

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

/** Hides a route from users without the role, or any of `roles` (the server checks again). */
export function RequireRole({ role, roles }: { role?: Role; roles?: readonly Role[] }) {
  const session = useSession();
  const allowed = [...(role ? [role] : []), ...(roles ?? [])];
  if (!session.user?.roles.some((r) => allowed.includes(r))) {
    return (
      <Suspense fallback={<PageFallback />}>
        <ForbiddenPage />
      </Suspense>
    );
  }
  return <Outlet />;
}
