import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts") } },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    // Needs a build, nginx and Redis: `npm run test:cluster` (vitest.cluster.config.mts).
    exclude: [...configDefaults.exclude, "tests/cluster-topology/**"],
    globalSetup: ["tests/global-setup.ts"],
    pool: "forks",
    // Data-layer tests share one throwaway database; files run one at a time so they never race on rows.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
