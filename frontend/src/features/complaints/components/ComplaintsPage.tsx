import { PlaceholderPage } from '../../../components/PlaceholderPage';

// TODO: the complaints screen (ui.md); for now the frame shows its empty state.
export default function ComplaintsPage() {
  return <PlaceholderPage name="complaints" />;
}
