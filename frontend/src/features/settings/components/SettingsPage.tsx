import { PlaceholderPage } from '../../../components/PlaceholderPage';

// TODO: the settings screen (ui.md); for now the frame shows its empty state.
export default function SettingsPage() {
  return <PlaceholderPage name="settings" />;
}
