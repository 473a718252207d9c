import { PlaceholderPage } from '../../../components/PlaceholderPage';

// TODO: the reports screen (ui.md); for now the frame shows its empty state.
export default function ReportsPage() {
  return <PlaceholderPage name="reports" />;
}
