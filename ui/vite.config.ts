import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The CSP the Tauri app ships with. `vite preview` serves the build under it, so the
// Playwright suite proves the bundle needs no inline script and nothing remote.
const CSP =
  "default-src 'self'; img-src 'self' asset: data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'";

export default defineConfig({
  plugins: [svelte()],
  // Tauri expects a fixed port and must see Rust errors in the terminal.
  clearScreen: false,
  server: { port: 1420, strictPort: true, fs: { allow: ['..'] } },
  preview: { port: 1421, strictPort: true, headers: { 'Content-Security-Policy': CSP } },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2022', 'safari16'],
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
