import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAppRouter } from './app/router';
import { restoreSession, setApiLanguage } from './api/client';
import { initI18n, onLanguageChanged } from './i18n';
import './app/app.css';
import './components/common.css';

// Restore the session from the refresh cookie while the catalog loads; the
// route guard shows a spinner until this settles.
void restoreSession();

onLanguageChanged(setApiLanguage);
const i18n = await initI18n();
setApiLanguage(i18n.language);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App router={createAppRouter()} />
  </StrictMode>,
);
