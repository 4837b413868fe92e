import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Vitest's default is one worker fewer than the cores: on the 2-core machines CI runs on, one
    // file at a time (the suite's 920 s of tests took 1,016 s). Two workers run two files at once.
    maxWorkers: 2,
    // End-to-end tests run the whole simulation and render charts, some of them in a beforeAll;
    // two files at once on two cores make each slower, so the limits are for hangs, not for speed.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
