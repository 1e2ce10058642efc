import {parseArgs} from 'node:util';

export const measures = ['snapshot', 'refresh', 'render', 'input', 'consume'] as const;
export type Measure = (typeof measures)[number];

export type BenchOptions = {
	clean: boolean;
	sizes: number[];
	runs: number;
	partitionsPerTopic: number;
	replicationFactor: number;
	groups: number;
	records: number;
	refreshSeconds: number;
	intervalSeconds: number;
	renderSeconds: number;
	consumeRuns: number;
	only: Set<Measure>;
	/** Render also with NODE_ENV=development, to show what React's development build costs (ktop runs the production one). */
	compareDevelopment: boolean;
	build: boolean;
	out: string;
};

export const usage = `npm run bench -- [options]

  --sizes 1000,5000,10000   partitions to measure at (bench topics; ascending, grown in place)
  --runs 5                  snapshot runs per tool and size (median, min, max)
  --refresh-seconds 120     how long the refresh loop runs at each size (the memory target wants 600)
  --interval 2              refresh interval, seconds (ktop's default)
  --render-seconds 10       measured seconds per pane and terminal size (after 2 s of warm-up)
  --consume-runs 3          runs per consumer and topic
  --records 1000000         records in each load topic
  --partitions-per-topic 10 --replication-factor 1 --groups 500
  --only snapshot,refresh,render,input,consume
  --skip-consume            the same as leaving consume out of --only
  --no-development-compare  render only as ktop runs (NODE_ENV unset: React's production build),
                            not also with NODE_ENV=development
  --skip-build              use dist/ as it is (default: npm run build first)
  --out bench/results/latest.json
  --clean                   delete every topic and group named bench-* and exit`;

export function parseOptions(argv: string[]): BenchOptions {
	const {values} = parseArgs({
		args: argv,
		options: {
			clean: {type: 'boolean', default: false},
			sizes: {type: 'string', default: '1000,5000,10000'},
			runs: {type: 'string', default: '5'},
			'partitions-per-topic': {type: 'string', default: '10'},
			'replication-factor': {type: 'string', default: '1'},
			groups: {type: 'string', default: '500'},
			records: {type: 'string', default: '1000000'},
			'refresh-seconds': {type: 'string', default: '120'},
			interval: {type: 'string', default: '2'},
			'render-seconds': {type: 'string', default: '10'},
			'consume-runs': {type: 'string', default: '3'},
			only: {type: 'string', default: measures.join(',')},
			'skip-consume': {type: 'boolean', default: false},
			'no-development-compare': {type: 'boolean', default: false},
			'skip-build': {type: 'boolean', default: false},
			out: {type: 'string', default: 'bench/results/latest.json'},
			help: {type: 'boolean', short: 'h', default: false},
		},
		strict: true,
	});
	if (values.help) {
		process.stdout.write(`${usage}\n`);
		process.exit(0);
	}

	const only = new Set(values.only.split(',').map(word => word.trim()).filter(Boolean));
	for (const word of only) {
		if (!(measures as readonly string[]).includes(word)) throw new Error(`--only ${word}: expected some of ${measures.join(', ')}`);
	}

	if (values['skip-consume']) only.delete('consume');
	const sizes = values.sizes.split(',').map(size => positive('--sizes', size)).sort((a, b) => a - b);
	return {
		clean: values.clean,
		sizes,
		runs: positive('--runs', values.runs),
		partitionsPerTopic: positive('--partitions-per-topic', values['partitions-per-topic']),
		replicationFactor: positive('--replication-factor', values['replication-factor']),
		groups: positive('--groups', values.groups, true),
		records: positive('--records', values.records),
		refreshSeconds: positive('--refresh-seconds', values['refresh-seconds']),
		intervalSeconds: positive('--interval', values.interval),
		renderSeconds: positive('--render-seconds', values['render-seconds']),
		consumeRuns: positive('--consume-runs', values['consume-runs']),
		only: only as Set<Measure>,
		compareDevelopment: !values['no-development-compare'],
		build: !values['skip-build'],
		out: values.out,
	};
}

function positive(flag: string, text: string, zeroAllowed = false): number {
	const value = Number(text.trim());
	if (!Number.isFinite(value) || value < (zeroAllowed ? 0 : 0.001)) throw new Error(`${flag} ${text}: expected a positive number`);
	return value;
}
