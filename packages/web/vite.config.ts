import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server `npm start` runs; `vite` dev mode forwards API calls to it. */
const API_SERVER = process.env.WORKUP_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: { '/api': API_SERVER, '/healthz': API_SERVER },
  },
});
