import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { PageFallback } from '../components/PageFallback';
import { HANDOVER_ROLES } from '../features/customers/lib/options';
import { SALES_ROLES } from '../lib/roles';
import { RequireAuth, RequireRole } from './guards';
import { AppLayout } from './layout/AppLayout';

// One chunk per page: the first screen loads only what it shows.
const LoginPage = lazy(() => import('../features/auth/components/LoginPage'));
const MyTasksPage = lazy(() => import('../features/tasks/components/MyTasksPage'));
const ComplaintsPage = lazy(() => import('../features/complaints/components/ComplaintsPage'));
const ComplaintDetailPage = lazy(() => import('../features/complaints/components/ComplaintDetailPage'));
const EightDPage = lazy(() => import('../features/eight-d/components/EightDPage'));
const EightDPrintPage = lazy(() => import('../features/eight-d/components/EightDPrintPage'));
const IntakePage = lazy(() => import('../features/complaints/components/IntakePage'));
const CustomersPage = lazy(() => import('../features/customers/components/CustomersPage'));
const CustomerRecordPage = lazy(() => import('./CustomerRecordPage'));
const CustomerFormPage = lazy(() => import('../features/customers/components/CustomerFormPage'));
const AccessPage = lazy(() => import('../features/customers/components/AccessPage'));
const HandoverPage = lazy(() => import('../features/customers/components/HandoverPage'));
const ReportsPage = lazy(() => import('../features/reports/components/ReportsPage'));
const WeeklyReportPage = lazy(() => import('../features/reports/components/WeeklyReportPage'));
const CollectionExclusionsPage = lazy(() => import('../features/reports/components/CollectionExclusionsPage'));
const SettingsPage = lazy(() => import('../features/settings/components/SettingsPage'));
const NotificationsPage = lazy(() => import('../features/notifications/components/NotificationsPage'));
const AccountPage = lazy(() => import('../features/account/components/AccountPage'));
const PublicSurveyPage = lazy(() => import('../features/care/components/PublicSurveyPage'));
const RequestsPage = lazy(() => import('../features/care/components/RequestsPage'));
const VisitsPage = lazy(() => import('../features/care/components/VisitsPage'));
const VerificationsPage = lazy(() => import('../features/care/components/VerificationsPage'));
const SurveysPage = lazy(() => import('../features/care/components/SurveysPage'));
const CustomerReportsPage = lazy(() => import('../features/care/components/CustomerReportsPage'));
const ReturnsPage = lazy(() => import('../features/returns/components/ReturnsPage'));
const ReturnFormPage = lazy(() => import('../features/returns/components/ReturnFormPage'));
const ReturnDetailPage = lazy(() => import('../features/returns/components/ReturnDetailPage'));
const ReturnPrintPage = lazy(() => import('../features/returns/components/ReturnPrintPage'));
const ReturnNotePrintPage = lazy(() => import('../features/returns/components/ReturnNotePrintPage'));
const SupplierPrintPage = lazy(() => import('../features/suppliers/components/SupplierPrintPage'));
const AllowancesPage = lazy(() => import('../features/allowances/components/AllowancesPage'));
const AllowanceDetailPage = lazy(() => import('../features/allowances/components/AllowanceDetailPage'));
const AllowancePrintPage = lazy(() => import('../features/allowances/components/AllowancePrintPage'));
const PayBasisPage = lazy(() => import('../features/pay/components/PayBasisPage'));
const PenaltiesPage = lazy(() => import('../features/penalties/components/PenaltiesPage'));
const PenaltyRunPage = lazy(() => import('../features/penalties/components/PenaltyRunPage'));
const PublicationPrintPage = lazy(() => import('../features/penalties/components/PublicationPrintPage'));
const DeductionsPrintPage = lazy(() => import('../features/penalties/components/DeductionsPrintPage'));
const NoticePrintPage = lazy(() => import('../features/penalties/components/NoticePrintPage'));
const LetterPage = lazy(() => import('../features/letters/components/LetterPage'));
const NotFoundPage = lazy(() => import('../components/NotFoundPage'));

function page(node: ReactNode): ReactNode {
  return <Suspense fallback={<PageFallback />}>{node}</Suspense>;
}

export const routes: RouteObject[] = [
  { path: '/login', element: page(<LoginPage />) },
  // The customer answers a survey link without an account.
  { path: '/survey/:token', element: page(<PublicSurveyPage />) },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/tasks" replace /> },
          { path: 'tasks', element: page(<MyTasksPage />) },
          { path: 'complaints', element: page(<ComplaintsPage />) },
          { path: 'complaints/new', element: page(<IntakePage />) },
          { path: 'complaints/:id', element: page(<ComplaintDetailPage />) },
          { path: 'complaints/:id/edit', element: page(<IntakePage />) },
          // The server says who may read, edit and approve a complaint's 8D report.
          { path: 'complaints/:id/8d', element: page(<EightDPage />) },
          { path: 'complaints/:id/8d/print', element: page(<EightDPrintPage />) },
          // The request to send to a supplier; the server says who may read the case.
          { path: 'complaints/:id/supplier-requests/:requestId/print', element: page(<SupplierPrintPage />) },
          { path: 'customers', element: page(<CustomersPage />) },
          {
            element: <RequireRole roles={SALES_ROLES} />,
            children: [{ path: 'customers/new', element: page(<CustomerFormPage />) }],
          },
          { path: 'customers/access', element: page(<AccessPage />) },
          {
            element: <RequireRole roles={HANDOVER_ROLES} />,
            children: [{ path: 'customers/handover', element: page(<HandoverPage />) }],
          },
          { path: 'customers/requests', element: page(<RequestsPage />) },
          { path: 'customers/visits', element: page(<VisitsPage />) },
          { path: 'customers/verifications', element: page(<VerificationsPage />) },
          { path: 'customers/surveys', element: page(<SurveysPage />) },
          { path: 'customers/reports', element: page(<CustomerReportsPage />) },
          { path: 'customers/:id', element: page(<CustomerRecordPage />) },
          { path: 'returns', element: page(<ReturnsPage />) },
          {
            // Applications are raised by sales (the server says so too).
            element: <RequireRole roles={SALES_ROLES} />,
            children: [
              { path: 'returns/new', element: page(<ReturnFormPage />) },
              { path: 'returns/:id/edit', element: page(<ReturnFormPage />) },
            ],
          },
          { path: 'returns/:id', element: page(<ReturnDetailPage />) },
          { path: 'returns/:id/print', element: page(<ReturnPrintPage />) },
          { path: 'returns/:id/note/print', element: page(<ReturnNotePrintPage />) },
          // Like the returns: everyone, the server lists only the certificates each may read.
          { path: 'allowances', element: page(<AllowancesPage />) },
          { path: 'allowances/:id', element: page(<AllowanceDetailPage />) },
          { path: 'allowances/:id/print', element: page(<AllowancePrintPage />) },
          { path: 'reports', element: page(<ReportsPage />) },
          // 客户投诉周报: the monthly table's readers; the server answers 403 to anyone else.
          { path: 'reports/weekly', element: page(<WeeklyReportPage />) },
          // Not guarded here: the server answers 403 and the page explains who may read it.
          { path: 'reports/collection-exclusions', element: page(<CollectionExclusionsPage />) },
          // 人员基点: not guarded, anyone reads his own; the server lists whom each may read.
          { path: 'hr/pay-basis', element: page(<PayBasisPage />) },
          // 客诉罚扣: everyone; each run shows the caller what he may read, the server says which steps he may take.
          { path: 'penalties', element: page(<PenaltiesPage />) },
          { path: 'penalties/:id', element: page(<PenaltyRunPage />) },
          { path: 'penalties/:id/publication/print', element: page(<PublicationPrintPage />) },
          { path: 'penalties/:id/deductions/print', element: page(<DeductionsPrintPage />) },
          { path: 'penalties/:id/notice/print', element: page(<NoticePrintPage />) },
          // 催办单 / 洽办单: the server says who may read one (those who may read its case) and who may answer.
          { path: 'letters/:id', element: page(<LetterPage />) },
          { path: 'notifications', element: page(<NotificationsPage />) },
          { path: 'me', element: page(<AccountPage />) },
          {
            element: <RequireRole role="admin" />,
            children: [{ path: 'settings', element: page(<SettingsPage />) }],
          },
          { path: '*', element: page(<NotFoundPage />) },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
