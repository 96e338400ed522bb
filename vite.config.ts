import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Where `npm run dev` runs the API server (scripts/dev.ts starts it on this port). */
const DEV_API_TARGET = 'http://127.0.0.1:8787';

// The service worker must never answer these with the app shell: they are the relay, the JSON
// API and the health check, and only the server can answer them.
const SERVER_PATHS = [/^\/sync(\/|$)/, /^\/api(\/|$)/, /^\/healthz$/];

export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/sync': { target: DEV_API_TARGET, ws: true },
      '/api': { target: DEV_API_TARGET },
      '/healthz': { target: DEV_API_TARGET },
    },
  },
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      strategies: 'generateSW',
      includeAssets: ['icon.svg'],
      manifest: {
        name: '建言 · 政协委员协同写作',
        short_name: '建言',
        lang: 'zh-CN',
        start_url: '/',
        display: 'standalone',
        background_color: '#f5f6f8',
        theme_color: '#b71c1c',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: SERVER_PATHS,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
