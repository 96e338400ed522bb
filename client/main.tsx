import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { boot } from './app/boot';
import { initI18n } from './app/i18n/i18n';
import { registerServiceWorker } from './app/registerServiceWorker';
import { requestPersistence } from './core/storage';
import { applyTextSize, savedTextSize } from './ui/textSize';
import './styles/app.css';
import './styles/editor.css';
// Last, so that on paper it wins over the screen rules of both.
import './styles/print.css';

// Before anything renders, so the first text on screen is already at the chosen size.
applyTextSize(savedTextSize());
const i18nReady = initI18n();
const started = boot((app) => {
  // Read-only views for the browser tests; a chunk of its own, as it brings Yjs.
  void import('./app/installTestHook').then(({ installTestHook }) => installTestHook(app));
});
registerServiceWorker();
void requestPersistence();

const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root element');
}
// English, when chosen, is fetched first so that no Chinese flashes before it (Chinese is here already).
void i18nReady.finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App boot={started} />
    </StrictMode>,
  ),
);
