import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that precaches the app shell and every page's chunk, so that the
 * app opens with no network after one visit. It registers once the page has loaded, so that on a
 * slow network its downloads do not compete with the page's own. New versions activate on their
 * own (registerType autoUpdate).
 */
export function registerServiceWorker(): void {
  if ('serviceWorker' in navigator) {
    registerSW({ immediate: false });
  }
}
