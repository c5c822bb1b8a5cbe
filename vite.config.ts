import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { phoneChunk } from './scripts/phone-chunk';
import { phoneMessages } from './scripts/phone-messages';
import { precompress } from './scripts/precompress';
import { serviceWorker } from './scripts/service-worker';

export default defineConfig({
  root: 'client',
  plugins: [phoneMessages(), react(), serviceWorker(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      output: { codeSplitting: { groups: [phoneChunk(path.resolve(import.meta.dirname, 'client'))] } },
    },
  },
  server: { proxy: { '/api/': 'http://localhost:3000' } },
});
