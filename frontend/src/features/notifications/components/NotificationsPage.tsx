import { PlaceholderPage } from '../../../components/PlaceholderPage';

// TODO: the notifications screen (ui.md); for now the frame shows its empty state.
export default function NotificationsPage() {
  return <PlaceholderPage name="notifications" />;
}
