import { defineConfig } from 'vitest/config';

// The Spark half of `npm run bench`, started by bench/run-bench.mjs: the Spark test suite's global
// setup (install, start or reuse the local Thrift server, the test proxy) around one long "test"
// that measures and writes its figures to a file. Not part of `npm test`.
export default defineConfig({
  test: {
    include: ['bench/spark/measure-on-spark.run.mjs'],
    globalSetup: ['tests/spark/support/global-setup.ts'],
    hookTimeout: 15 * 60_000,
    testTimeout: 4 * 60 * 60_000,
    teardownTimeout: 2 * 60_000,
    reporters: ['dot'],
  },
});
