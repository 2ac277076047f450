import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Every test file's temp folders are removed after it (tempDir in test/support/cli.ts).
    setupFiles: ['test/support/temp-cleanup.ts'],
    // End-to-end tests spawn the built CLI; they need dist/ (built by `npm ci` through `prepare`).
    testTimeout: 30_000,
  },
});
