import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that precaches the app shell, so that the app opens with no
 * network after one visit. New versions activate on their own (registerType autoUpdate).
 */
export function registerServiceWorker(): void {
  if ('serviceWorker' in navigator) {
    registerSW({ immediate: true });
  }
}
