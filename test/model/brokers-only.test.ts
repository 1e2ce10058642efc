import {describe, expect, it} from 'vitest';
import {checkStatus, exitStatus} from '../../source/commands/exit-status.js';
import {runCheckOn} from '../../source/commands/check.js';
import {snapshotJson} from '../../source/commands/snapshot-json.js';
import {snapshotText} from '../../source/commands/snapshot-text.js';
import {notJudged} from '../../source/model/not-judged.js';
import {createStore} from '../../source/model/store.js';
import type {ClusterSnapshot} from '../../source/model/types.js';
import {healthyInput, kafkaView, metaPartition, ordersTopic, zkKafkaView, zkTopicOf} from './fixtures.js';

const refused = {reason: 'ZooKeeper 127.0.0.1:2191 refused ktop: it requires authentication (AUTH_FAILED)', chosen: false};
const chosen = {reason: '--brokers-only: ZooKeeper is not read', chosen: true};

/** One refresh through the store, as check and the TUI take it. */
function judged(input: Parameters<typeof healthyInput>[0]): ClusterSnapshot {
	const store = createStore();
	store.update(healthyInput(input));
	return store.getSnapshot()!;
}

describe('notJudged', () => {
	it('lists the checks on Kafka\'s znodes, and those on the servers when not even they were read', () => {
		expect(notJudged(undefined, false)).toEqual([]);
		const withServers = notJudged(refused, true).map(entry => entry.code);
		expect(withServers).toEqual(['CONTROLLER_UNREADABLE', 'CONTROLLER_UNKNOWN', 'BROKER_NOT_REGISTERED', 'BROKER_UNREACHABLE', 'METADATA_MISMATCH', 'UNDER_MIN_ISR', 'AT_MIN_ISR', 'TOPIC_DELETION_STUCK', 'REASSIGNMENT_IN_PROGRESS']);
		const without = notJudged(chosen, false);
		expect(without.map(entry => entry.code).slice(0, 4)).toEqual(['ZK_QUORUM_LOST', 'ZK_NO_LEADER', 'ZK_SERVER_DOWN', 'ZK_MEMBERS_UNPROBED']);
		expect(without[0]).toEqual({code: 'ZK_QUORUM_LOST', needs: 'the ZooKeeper servers\' own state (srvr)', reason: 'cannot be judged without ZooKeeper: --brokers-only: ZooKeeper is not read'});
	});
});

describe('a brokers-only snapshot', () => {
	it('takes the controller from the metadata and judges what the brokers tell, listing the rest as not judged', () => {
		const topic = ordersTopic();
		topic.partitions[0] = metaPartition(0, 1, [1, 2, 3], [1, 3]);
		const snapshot = judged({zkServers: undefined, zkKafka: undefined, kafka: kafkaView({topics: [topic], controllerId: 2}), brokersOnly: refused});
		expect(snapshot.controller).toEqual({brokerId: 2, epoch: undefined});
		expect(snapshot.findings.map(finding => finding.code)).toEqual(['UNDER_REPLICATED']);
		expect(snapshot.notJudged?.map(entry => entry.code)).toContain('ZK_QUORUM_LOST');
		expect(snapshot.notJudged?.map(entry => entry.code)).toContain('BROKER_NOT_REGISTERED');
		expect(checkStatus(snapshot)).toBe(exitStatus.warning);
	});

	it('is UNKNOWN for check when nothing is wrong but ZooKeeper could not be read; OK when --brokers-only chose it', () => {
		expect(checkStatus(judged({zkServers: undefined, zkKafka: undefined, brokersOnly: refused}))).toBe(exitStatus.unknown);
		expect(checkStatus(judged({zkServers: undefined, zkKafka: undefined, brokersOnly: chosen}))).toBe(exitStatus.ok);
		expect(checkStatus(judged({}))).toBe(exitStatus.ok);
	});

	it('holds a finding from Kafka\'s znodes when ZooKeeper starts refusing, rather than clearing it', () => {
		const store = createStore();
		const topic = ordersTopic();
		const zkTopic = {...zkTopicOf(topic)};
		store.update(healthyInput({zkKafka: zkKafkaView({topics: [zkTopic], topicsPendingDeletion: ['orders']})}));
		store.update(healthyInput({takenAt: healthyInput().takenAt + 600_000, zkKafka: zkKafkaView({topics: [zkTopic], topicsPendingDeletion: ['orders']})}));
		expect(store.getSnapshot()!.findings.map(finding => finding.code)).toContain('TOPIC_DELETION_STUCK');
		store.update(healthyInput({takenAt: healthyInput().takenAt + 602_000, zkKafka: undefined, brokersOnly: refused}));
		const held = store.getSnapshot()!.findings.find(finding => finding.code === 'TOPIC_DELETION_STUCK');
		expect(held?.held?.source).toBe('zookeeper');
	});

	it('says so in snapshot --json and the text snapshot', () => {
		const snapshot = judged({zkServers: undefined, zkKafka: undefined, brokersOnly: refused});
		const json = JSON.parse(snapshotJson(snapshot)) as Record<string, unknown>;
		expect(json['brokersOnly']).toEqual(refused);
		expect((json['notJudged'] as Array<{code: string}>).map(entry => entry.code)).toContain('METADATA_MISMATCH');
		expect((JSON.parse(snapshotJson(judged({}))) as Record<string, unknown>)['notJudged']).toEqual([]);

		const text = snapshotText(snapshot);
		expect(text).toContain(`zookeeper not read, brokers only: ${refused.reason}`);
		expect(text.find(line => line.includes('NOT_JUDGED'))).toMatch(/^ {2}UNKNOWN +NOT_JUDGED +zookeeper: cannot be judged without ZooKeeper: ZooKeeper 127\.0\.0\.1:2191 refused ktop.*: ZK_QUORUM_LOST, ZK_NO_LEADER/);
	});
});

describe('ktop check brokers-only', () => {
	it('prints the not-judged line and says brokers only in the summary, exiting 3', () => {
		const lines: string[] = [];
		const snapshot = judged({zkServers: undefined, zkKafka: undefined, brokersOnly: refused});
		const status = runCheckOn(snapshot, text => lines.push(text));
		expect(status).toBe(3);
		expect(lines.join('')).toMatch(/^UNKNOWN +NOT_JUDGED +zookeeper: cannot be judged without ZooKeeper: .*\nKTOP UNKNOWN - 0 critical, 0 warning, 0 info; cluster .*; brokers only, 13 checks not judged\n$/);
	});
});

describe('what the brokers\' own ZooKeeper settings show', () => {
	const settings = {connect: 'zk1:2182', tls: true, clientCnxnSocket: 'org.apache.zookeeper.ClientCnxnSocketNetty', setAcl: true};
	it('TLS: names the keys that say so; ACLs: a hint, never a guess about JAAS', async () => {
		const {aclHint, notNamed, tlsRequired} = await import('../../source/model/zookeeper-access.js');
		expect(tlsRequired(settings)).toBe('the brokers reach ZooKeeper over TLS (zookeeper.ssl.client.enable=true, zookeeper.clientCnxnSocket=org.apache.zookeeper.ClientCnxnSocketNetty); ZooKeeper over TLS is not supported by ktop\'s client');
		expect(tlsRequired({...settings, tls: false})).toBeUndefined();
		expect(tlsRequired(undefined)).toBeUndefined();
		expect(aclHint(settings)).toBe('the brokers write their znodes with ACLs (zookeeper.set.acl=true), so they authenticate to ZooKeeper themselves');
		expect(aclHint({...settings, setAcl: false})).toBeUndefined();
		expect(notNamed(2)).toBe('no ZooKeeper given (-z, KTOP_ZOOKEEPER) and broker 2 does not name one (zookeeper.connect: KRaft, or hidden by the brokers\' ACLs)');
	});
});
