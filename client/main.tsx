import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './app/i18n/i18n';
import { installTestHook } from './app/installTestHook';
import { registerServiceWorker } from './app/registerServiceWorker';
import { initServices } from './app/services';
import { requestPersistence } from './core/storage/requestPersistence';
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
