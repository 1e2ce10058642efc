import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.{ts,tsx}'],
					exclude: ['test/integration/**', 'test/compat/**'],
				},
			},
			{
				test: {
					name: 'integration',
					include: ['test/integration/**/*.test.{ts,tsx}'],
					// Starts the local clusters (plain and secure) unless they already run; a cluster that cannot start fails the run.
					globalSetup: ['test/setup/cluster.ts'],
					// Fault tests stop and start nodes: files must not run side by side.
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 240_000,
				},
			},
			{
				test: {
					// Benchmarks that load the shared cluster heavily; run on demand, never by npm test.
					name: 'bench',
					include: ['bench/**/*.test.ts'],
					globalSetup: ['test/setup/plain-cluster.ts'],
					fileParallelism: false,
					testTimeout: 600_000,
					hookTimeout: 600_000,
				},
			},
		],
	},
});
