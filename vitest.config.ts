import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "engine/**/*.test.ts", "server/**/*.test.ts"],
    exclude: ["test/bench/**", "node_modules/**"],
    testTimeout: 30_000,
    // Vitest's default (one worker per core, less one) leaves a 2-core CI machine
    // with a single worker, idle while the oracle suites wait on real kubectl.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
