import { defineConfig } from 'vitest/config';

// Integration suite against a local Spark Thrift Server (see tests/spark/README.md).
export default defineConfig({
  test: {
    include: ['tests/spark/**/*.test.ts'],
    globalSetup: ['tests/spark/support/global-setup.ts'],
    // A cold install downloads ~450 MB and the server takes up to two minutes to start.
    hookTimeout: 15 * 60_000,
    testTimeout: 2 * 60_000,
    teardownTimeout: 2 * 60_000,
    // One Spark on two cores: files run one after another.
    fileParallelism: false,
  },
});
