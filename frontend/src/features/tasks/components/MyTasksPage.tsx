import { PlaceholderPage } from '../../../components/PlaceholderPage';

// TODO: the tasks screen (ui.md); for now the frame shows its empty state.
export default function MyTasksPage() {
  return <PlaceholderPage name="tasks" />;
}
