import {describe, expect, it} from 'vitest';
import {buildSnapshot} from '../../../source/model/build-snapshot.js';
import {findingsFor} from '../../../source/model/health.js';
import {healthPane} from '../../../source/ui/panes/health.js';
import {configs, healthyInput, kafkaView, metaPartition, metaTopic, zkKafkaView, zkTopicOf} from '../../model/fixtures.js';
import {T0, broken, context, healthy, hostile, hostileShown, minute} from './fixtures.js';
import {lines} from './rows.js';

describe('health pane', () => {
	it('shows each finding worst first with a severity marker, its code, subject, message and age', () => {
		const rows = healthPane.rows(context(broken()));
		expect(lines(rows)).toEqual([
			'CRIT | BROKER_UNREACHABLE | broker 3 | holds 4 replicas but is neither registered in ZooKeeper nor in the metadata; broker 3 (127.0.0.1:9094) did not answer: connect ECONNREFUSED 127.0.0.1:9094 | 4m',
			'CRIT | OFFLINE_PARTITION | orders-2 | leader 3 is down; ISR [3] of replicas [3,1,2] | 4m',
			'CRIT | OFFLINE_PARTITION | payments-0 | no leader; ISR [] of replicas [3,1] | 4m',
			'CRIT | UNDER_MIN_ISR | orders-1 | ISR [2] of replicas [2,3,1]; min.insync.replicas=2: writes with acks=all are refused | 2m',
			'WARN | AT_MIN_ISR | orders-0 | ISR [1,2] of replicas [1,2,3]; min.insync.replicas=2; out of ISR: [3]; one more replica lost refuses writes with acks=all | 30s',
			'WARN | GROUP_LAGGING | group shipping | 2 members; lag 1,500 on 2 partitions (+1 partition unknown), behind 90s (time lag: the oldest record not consumed); 1 partition lagging: orders-0 (lag 600, 90s) | 3h',
			'WARN | SOURCE_FAILED | kafka:topic-configs | timed out | 0s',
			'WARN | ZK_SERVER_DOWN | 127.0.0.1:2181 | 127.0.0.1:2181 unreachable: connect ECONNREFUSED 127.0.0.1:2181 | 10m',
			'INFO | ZK_SERVER_LIMITED | 127.0.0.1:2182 | mntr not whitelisted | 26h',
		]);
		expect(healthPane.summary!(context(broken()))).toBe('4 CRIT, 4 WARN, 1 INFO');
	});

	it('tones rows by severity and sorts severity worst first and since by age', () => {
		const rows = healthPane.rows(context(broken()));
		expect(rows.map(row => row.tone)).toEqual(['bad', 'bad', 'bad', 'bad', 'warn', 'warn', 'warn', 'warn', 'dim']);
		expect(rows.map(row => row.cells[0]!.sort)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2]);
		expect(rows[0]!.cells[4]!.sort).toBe(4 * minute);
		expect(rows[4]!.cells[4]!.sort).toBe(30_000);
		expect(healthPane.defaultSort).toEqual({column: 0, descending: false});
	});

	it('opens partitions for partition findings, the group for group findings, and the ensemble or brokers for theirs', () => {
		const opens = healthPane.rows(context(broken())).map(row => row.open);
		expect(opens).toEqual([
			{view: 'brokers'},
			{view: 'partitions', subject: 'orders'},
			{view: 'partitions', subject: 'payments'},
			{view: 'partitions', subject: 'orders'},
			{view: 'partitions', subject: 'orders'},
			{view: 'group', subject: 'shipping'},
			undefined,
			{view: 'zookeeper'},
			{view: 'zookeeper'},
		]);
	});

	it('reads the topic of a partition subject from its last dash, and opens only topics the snapshot has', () => {
		const snapshot = broken();
		snapshot.topics.push({...snapshot.topics[0]!, name: 'a-1'});
		snapshot.findings = [
			{severity: 'warning', code: 'UNDER_REPLICATED', subject: 'a-1-2', message: 'm', since: T0},
			{severity: 'warning', code: 'UNDER_REPLICATED', subject: 'topic a-1', message: 'm', since: T0},
			{severity: 'warning', code: 'UNDER_REPLICATED', subject: 'cluster', message: 'm', since: T0},
			{severity: 'warning', code: 'UNDER_REPLICATED', subject: 'gone-0', message: 'm', since: T0},
			{severity: 'warning', code: 'TOPIC_DELETION_STUCK', subject: 'topic payments', message: 'm', since: T0},
		];
		expect(healthPane.rows(context(snapshot)).map(row => row.open)).toEqual([
			{view: 'partitions', subject: 'a-1'},
			{view: 'partitions', subject: 'a-1'},
			{view: 'topics'},
			undefined,
			{view: 'partitions', subject: 'payments'},
		]);
	});

	it('opens the right topic for findings as the model folds them', () => {
		// Four under-replicated partitions of one topic fold into one finding about "topic many-parts".
		const topic = metaTopic('many-parts', [0, 1, 2, 3].map(p => metaPartition(p, 1, [1, 2, 3], [1, 2])), configs(1));
		const snapshot = buildSnapshot(healthyInput({kafka: kafkaView({topics: [topic]}), zkKafka: zkKafkaView({topics: [zkTopicOf(topic)]})}));
		snapshot.findings = findingsFor(snapshot);
		const rows = healthPane.rows(context(snapshot));
		expect(rows.map(row => [row.cells[2]!.text, row.open])).toEqual([['topic many-parts', {view: 'partitions', subject: 'many-parts'}]]);
	});

	it('keys rows by code and subject, so a finding keeps its row when its message changes', () => {
		const before = healthPane.rows(context(broken()));
		const snapshot = broken();
		snapshot.findings[5] = {...snapshot.findings[5]!, message: 'total lag 9,999'};
		const after = healthPane.rows(context(snapshot, {now: T0 + minute}));
		expect(after.map(row => row.key)).toEqual(before.map(row => row.key));
		expect(new Set(before.map(row => row.key)).size).toBe(before.length);
	});

	it('escapes control characters in subjects and messages', () => {
		const snapshot = broken();
		snapshot.findings = [{severity: 'critical', code: 'OFFLINE_PARTITION', subject: `${hostile}-0`, message: `leader of ${hostile} gone`, since: T0}];
		const [row] = healthPane.rows(context(snapshot));
		expect(row!.cells[2]!.text).toBe(`${hostileShown}-0`);
		expect(row!.cells[3]!.text).toBe(`leader of ${hostileShown} gone`);
	});

	it('has nothing to show for a healthy cluster, and says so', () => {
		expect(healthPane.rows(context(healthy()))).toEqual([]);
		expect(healthPane.summary!(context(healthy()))).toBeUndefined();
		expect(healthPane.empty).toBe('no findings: the cluster looks healthy');
	});
});
