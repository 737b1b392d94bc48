import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "handlers/**/*.test.ts", "bot/**/*.test.ts", "scheduler/**/*.test.ts"],
    // migrated template databases, built once per run; each test copies one (test/helpers/db.ts)
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
