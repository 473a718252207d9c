import { lazy } from 'react';
import type { RecordTab } from '../../customers/components/CustomerTabs';

/** Customer care's tabs on a customer's record; each pane loads when its tab is first opened. */
export const CARE_TABS: readonly RecordTab[] = [
  { key: 'credit', label: 'care.tabs.credit', Pane: lazy(() => import('./CreditPane')) },
  { key: 'visits', label: 'care.tabs.visits', Pane: lazy(() => import('./VisitsPane')) },
  { key: 'surveys', label: 'care.tabs.surveys', Pane: lazy(() => import('./SurveysPane')) },
];
