import { CARE_TABS } from '../features/care/components/recordTabs';
import CustomerDetailPage from '../features/customers/components/CustomerDetailPage';

/** A customer's record with customer care's tabs, put together here so that customers need not import care. */
export default function CustomerRecordPage() {
  return <CustomerDetailPage tabs={CARE_TABS} />;
}
