import { PlaceholderPage } from '../../../components/PlaceholderPage';

// TODO: the customers screen (ui.md); for now the frame shows its empty state.
export default function CustomersPage() {
  return <PlaceholderPage name="customers" />;
}
