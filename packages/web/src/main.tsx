import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { isRespondPath } from './app/paths';
import { captureRespondToken, sessionStorageOrNull } from './features/respond/respond-token';
import { initI18n } from './i18n/index';
import './ui/styles.css';

// Take a patient link's token out of the address bar before anything else can see or log it.
if (isRespondPath(window.location.pathname)) {
  captureRespondToken({
    location: window.location,
    history: window.history,
    storage: sessionStorageOrNull(),
  });
}

initI18n();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
