import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { chunkGraph } from './scripts/chunkGraph';

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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Every module the entry imports statically goes into the entry's chunk. Left to the
          // default grouping, the errors and permissions the sign-in page uses shared a chunk with
          // the API's schemas and zod, which only later chunks need (docs/ARCHITECTURE.md "Loading").
          groups: [{ name: 'first', tags: ['$initial'] }],
        },
      },
      treeshake: {
        // Our own modules do nothing when imported but define things (only stylesheets are imported
        // for their effect), so an import whose names a page does not use does not load the module
        // with that page: the sign-in page does not bring the workspace's runtime because it shares
        // a barrel with the auth store. Yjs and lib0 likewise only set a global on load (a
        // duplicate-import warning). Every other module keeps its declared side effects.
        moduleSideEffects: [
          { test: /[\\/](client|shared)[\\/].*\.tsx?$/, sideEffects: false },
          { test: /node_modules[\\/](yjs|lib0|y-protocols)[\\/]/, sideEffects: false },
          { test: /.*/, sideEffects: true },
        ],
      },
    },
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
    // Which chunk imports which, beside the served files, for the size budgets (scripts/checkBudgets.ts).
    chunkGraph('dist/client-chunks.json'),
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
