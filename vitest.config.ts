import { defineConfig } from 'vitest/config';

// Integration tests start real servers on temporary data directories; keep them in forks so a
// crashed child or a worker pool cannot leak into another file.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'studio/src/**/*.test.ts', 'studio/src/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
