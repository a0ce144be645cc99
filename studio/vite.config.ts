import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const studioRoot = fileURLToPath(new URL('.', import.meta.url));

// The studio is served by the Koa server from studio/dist in production and by Vite in development,
// where API calls are proxied to the server on port 3000.
export default defineConfig({
  root: studioRoot,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    // MDM_API_URL points the dev proxy at a server on another port or host.
    proxy: { '/api': { target: process.env.MDM_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
    // The studio imports pure modules from ../server (identifiers, contracts, mapping functions).
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Maps are written for whoever runs the server but not referenced from the bundles; the server
    // never serves *.map files (server/http/app.ts), so the studio's source is not published.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 4096,
    // Rolldown's PLUGIN_TIMINGS note ("callbacks ran for 13.8s of this 21.1s build") printed on every `npm start`
    // is about Vite's own import analysis of the Monaco bundle, nothing a user can act on.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
