import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web UI lives in src/web and is built into dist/web, which the API server serves with an SPA fallback.
 * The dev proxy keeps the browser's Origin and Host alike (no changeOrigin), so the server's CSRF origin
 * check passes. API_TARGET points the dev server at another API, e.g. http://localhost:3100.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // Two pages: the app, and the Ervaringwijzer's light answer page (/ervaring/<token>), which loads none of the app.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        ervaring: fileURLToPath(new URL('./src/web/ervaring.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: { '/api': { target: process.env.API_TARGET ?? 'http://localhost:3000' } },
  },
});
