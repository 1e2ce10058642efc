import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {notJudged} from '../../source/model/not-judged.js';
import type {ClusterSnapshot} from '../../source/model/types.js';
import {healthPane} from '../../source/ui/panes/health.js';
import {zookeeperPane} from '../../source/ui/panes/zookeeper.js';
import {fakeStore, renderApp} from './harness.js';
import {lines} from './panes/rows.js';
import {healthySnapshot, T0} from './snapshots.js';

afterEach(() => cleanup());

const reason = 'ZooKeeper 127.0.0.1:2191 refused ktop: it requires authentication (AUTH_FAILED); give --zk-auth digest:user:password if the ensemble accepts digest';

/** A healthy cluster as brokers-only sees it: no ensemble, no registrations. */
function brokersOnly(chosen = false): ClusterSnapshot {
	const healthy = healthySnapshot();
	const brokersOnly = {reason, chosen};
	return {
		...healthy,
		zookeeper: undefined,
		brokers: healthy.brokers.map(broker => ({...broker, registered: false, registeredAt: undefined})),
		brokersOnly,
		notJudged: notJudged(brokersOnly, false),
	};
}

describe('brokers-only in the TUI', () => {
	it('the header says brokers only, counts no registrations against the brokers, and does not call it healthy', async () => {
		const app = await renderApp(fakeStore(brokersOnly()), {columns: 220});
		const [first, , third] = app.frame().split('\n');
		expect(first).toBe('ktop │ zk not read: brokers only │ brokers 3/3 up │ controller 1 │ cluster lab-cluster');
		expect(third).toBe('no findings; 13 checks not judged without ZooKeeper (:health lists them)');
	});

	it('the ZooKeeper pane says why it is empty; health lists each check not judged after the findings', () => {
		const snapshot = brokersOnly();
		const context = {snapshot, events: [], now: T0};
		expect(zookeeperPane.rows(context)).toEqual([]);
		expect(zookeeperPane.summary!(context)).toBe(`ZooKeeper not read · brokers only: ${reason} · not judged: ZK_QUORUM_LOST, ZK_NO_LEADER, ZK_SERVER_DOWN, ZK_MEMBERS_UNPROBED, CONTROLLER_UNREADABLE, CONTROLLER_UNKNOWN, BROKER_NOT_REGISTERED, BROKER_UNREACHABLE, METADATA_MISMATCH, UNDER_MIN_ISR, AT_MIN_ISR, TOPIC_DELETION_STUCK, REASSIGNMENT_IN_PROGRESS (:health lists them)`);
		const rows = lines(healthPane.rows(context));
		expect(rows).toHaveLength(13);
		expect(rows[0]).toBe(`? | ZK_QUORUM_LOST | not judged | cannot be judged without ZooKeeper: ${reason}; needs the ZooKeeper servers' own state (srvr) | `);
		expect(healthPane.summary!(context)).toBe('13 checks cannot be judged without ZooKeeper (brokers only)');
	});
});
