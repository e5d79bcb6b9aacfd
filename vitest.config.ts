import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/spark/**', 'node_modules/**'],
    globalSetup: ['tests/support/build-lib.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
