import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'emulator/src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/pcsc/**', '**/node_modules/**'],
        },
      },
      {
        // One pcscd per machine: files that use it run one after another.
        extends: true,
        test: { name: 'pcsc', include: ['tests/pcsc/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
