import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initServices } from './app/services';
import { initI18n } from './i18n/i18n';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { installTestHook } from './session/installTestHook';
import { requestPersistence } from './storage/requestPersistence';
import './styles/app.css';
import './styles/editor.css';

initI18n();
initServices();
installTestHook();
registerServiceWorker();
void requestPersistence();

const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root element');
}
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
