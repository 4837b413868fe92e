import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the whole simulation and render charts, some of them in a beforeAll.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
