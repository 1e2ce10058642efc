import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {clusterLine, findingLine, statusLine} from '../../source/ui/header-lines.js';
import {partitionCounts} from '../../source/model/partition-counts.js';
import {fakeStore, renderApp} from './harness.js';
import {brokenSnapshot, healthySnapshot, T0} from './snapshots.js';

afterEach(() => cleanup());

const text = (spans: Array<{text: string}>) => spans.map(span => span.text).join('');

describe('header', () => {
	it('a healthy cluster: quorum with its leader, brokers, controller, id; counts, fresh data; no findings', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()), {columns: 200});
		const [first, second, third] = app.frame().split('\n');
		expect(first).toBe('ktop │ zk 3/3 leader 127.0.0.1:2183 │ brokers 3/3 up │ controller 1 │ cluster lab-cluster');
		expect(second).toBe('49 partitions: 0 offline, 0 under-min-ISR, 0 URP │ refreshed 3s ago, every 2s');
		expect(third).toBe('no findings');
	});

	it('at 80 columns the facts that matter come first; the cluster id is what gets cut', async () => {
		const app = await renderApp(fakeStore(healthySnapshot({clusterId: 'n3vcL_kPQBqE_SPkveCh6Q'})), {columns: 80});
		const first = app.frame().split('\n')[0]!;
		expect(first).toBe('ktop │ zk 3/3 leader 127.0.0.1:2183 │ brokers 3/3 up │ controller 1 │ cluster n…');
		expect(first).toHaveLength(80);
	});

	it('a broken cluster: QUORUM LOST, NO CONTROLLER, a broker down, partition counts, the worst finding', async () => {
		const app = await renderApp(fakeStore(brokenSnapshot()), {columns: 200});
		const [first, second, third] = app.frame().split('\n');
		expect(first).toContain('zk QUORUM LOST 1/3');
		expect(first).toContain('NO CONTROLLER');
		expect(first).toContain('brokers 2/3 up, 2 registered');
		// orders-1 has no leader, and broker 2 (gone) leads 2 of payments' partitions and 13 one-partition topics.
		expect(second).toMatch(/^49 partitions: 16 offline, 0 under-min-ISR, 2 URP │ refreshed/);
		expect(third).toBe('CRITICAL ZK_QUORUM_LOST zookeeper: 1 of 3 servers serving (+2 more, :health lists them)');
	});

	it('a failing refresh: STALE since when, for how long, and why, before anything else on its line', async () => {
		const store = fakeStore();
		store.set(healthySnapshot(), {stale: {since: T0 - 37_000, error: 'connect ECONNREFUSED 127.0.0.1:2181'}});
		const app = await renderApp(store, {columns: 200});
		expect(app.frame().split('\n')[1]).toMatch(/^STALE since \d\d:\d\d:\d\d \(40s\): connect ECONNREFUSED 127\.0\.0\.1:2181 │ 49 partitions: .* │ refreshed 3s ago, every 2s$/);
	});

	it('before the first snapshot: where it connects, and the error if the first refresh failed', async () => {
		const store = fakeStore();
		const app = await renderApp(store, {columns: 200});
		expect(app.frame()).toContain('ktop connecting to 127.0.0.1:2181…');
		store.set(undefined, {stale: {since: T0, error: 'no ZooKeeper server answered'}});
		await new Promise(resolve => setTimeout(resolve, 300));
		expect(app.frame()).toContain('cannot read the cluster yet: no ZooKeeper server answered');
		expect(app.frame().split('\n')[1]).toMatch(/^STALE since .*: no ZooKeeper server answered │ not refreshed yet/);
	});

	it('escapes control characters from the cluster', () => {
		const line = text(clusterLine(healthySnapshot({clusterId: 'evil\u001B]0;owned\u0007'}), 'x', false));
		expect(line).toContain(String.raw`cluster evil\x1b]0;owned\x07`);
		expect(line).not.toContain('\u001B');
	});

	it('names how the brokers are reached, never a secret, and nothing for PLAINTEXT', () => {
		const secured = healthySnapshot();
		secured.connection = {...secured.connection, protocol: 'SASL_SSL', mechanism: 'SCRAM-SHA-512', user: 'alice', clientCertificate: false};
		expect(text(clusterLine(secured, 'x', false))).toMatch(/│ SASL_SSL SCRAM-SHA-512 user alice$/);
		const mtls = healthySnapshot();
		mtls.connection = {...mtls.connection, protocol: 'SSL', mechanism: undefined, user: undefined, clientCertificate: true};
		expect(text(clusterLine(mtls, 'x', false))).toMatch(/│ SSL client certificate$/);
		const plain = healthySnapshot();
		plain.connection = {...plain.connection, protocol: 'PLAINTEXT', mechanism: undefined, user: undefined, clientCertificate: false};
		expect(text(clusterLine(plain, 'x', false))).toBe(text(clusterLine(healthySnapshot(), 'x', false)));
	});

	it('ages and intervals read as an operator says them', () => {
		expect(text(statusLine(healthySnapshot(), undefined, undefined, T0 + 125_000, 500))).toBe('refreshed 2m ago, every 0.5s');
		const counts = partitionCounts(brokenSnapshot());
		expect(counts).toEqual({total: 49, offline: 16, underMinIsr: 0, underReplicated: 2});
		expect(text(findingLine(undefined))).toBe('waiting for the first refresh');
	});

	it('says which brokers ktop leaves alone after timeouts, and for how long', () => {
		const snapshot = healthySnapshot({backoffs: [{brokerId: 3, address: '127.0.0.1:9094', timeouts: 2, until: T0 + 8000}, {brokerId: undefined, address: 'kafka-x:9092', timeouts: 1, until: T0 + 3500}]});
		expect(text(statusLine(snapshot, undefined, undefined, T0 + 100, 2000))).toBe('broker 3 backoff 8s │ kafka-x:9092 backoff 4s │ refreshed 0s ago, every 2s');
	});
});
