import {describe, expect, it} from 'vitest';
import {noQuorumReason, notReadYetReason, sessionDownReason, zookeeperTrouble} from '../../../source/cluster/zookeeper/zookeeper-trouble.js';
import {healthyEnsemble, zkServer} from '../../model/fixtures.js';

describe('zookeeperTrouble', () => {
	it('is none with a leader serving and ktop\'s session connected', () => {
		expect(zookeeperTrouble(healthyEnsemble(), true)).toBeUndefined();
		// One server down, still a quorum.
		expect(zookeeperTrouble([...healthyEnsemble().slice(1), zkServer(2181, {state: 'unreachable'})], true)).toBeUndefined();
	});

	it('says the quorum is lost when servers answer and none serves in a quorum', () => {
		const lost = [zkServer(2181, {state: 'unreachable'}), zkServer(2182, {state: 'unreachable'}), zkServer(2183, {state: 'not-serving'})];
		expect(zookeeperTrouble(lost, true)).toBe(noQuorumReason);
		expect(noQuorumReason).toBe('ZooKeeper has no quorum: the brokers cannot apply this; they would hold a request thread until it returns');
		expect(zookeeperTrouble([zkServer(2181, {state: 'serving', mode: 'read-only'})], true)).toBe(noQuorumReason);
	});

	it('counts a session that is not connected, and ZooKeeper never read, as trouble', () => {
		expect(zookeeperTrouble(healthyEnsemble(), false)).toBe(sessionDownReason);
		expect(zookeeperTrouble(healthyEnsemble(), undefined)).toBe(sessionDownReason);
		expect(zookeeperTrouble(undefined, true)).toBe(notReadYetReason);
		// Every probe refused (whitelist) or unreachable: the session decides.
		expect(zookeeperTrouble([zkServer(2181, {state: 'unreachable'})], true)).toBeUndefined();
	});
});
