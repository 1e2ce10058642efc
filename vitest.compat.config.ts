import {defineConfig} from 'vitest/config';

/**
The compatibility suite: ktop's read path against another Kafka/ZooKeeper release. Run through
`npm run test:compat -- --kafka <version>` (test/compat/run.ts), never by `npm test`.
*/
export default defineConfig({
	test: {
		include: ['test/compat/**/*.test.ts'],
		globalSetup: ['test/compat/setup.ts'],
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 240_000,
	},
});
