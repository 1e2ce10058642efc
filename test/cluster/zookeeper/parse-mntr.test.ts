import {describe, expect, it} from 'vitest';
import {monitorStats, parseMntr} from '../../../source/cluster/zookeeper/parse-mntr.js';
import type {ZkMonitorStats} from '../../../source/cluster/types.js';
import {fixture} from '../../helpers/fixture.js';

function stats(text: string): ZkMonitorStats {
	const result = parseMntr(text);
	if (result.kind !== 'stats') throw new Error(`expected stats, got ${result.kind}`);
	return result.stats;
}

/** zk1's reply as a leader would give it: what 3.8 adds on the leader, after zk_server_state. */
function asLeader(text: string): string {
	return text
		.replace('zk_server_state\tfollower', 'zk_server_state\tleader')
		.replace('zk_peer_state\tfollowing - broadcast', 'zk_peer_state\tleading - broadcast\nzk_synced_followers\t2\nzk_synced_non_voting_followers\t0\nzk_synced_observers\t1\nzk_pending_syncs\t3');
}

describe('parseMntr on recorded replies', () => {
	it('reads the monitor fields of zk1 (3.8.4, follower)', () => {
		const parsed = stats(fixture('4lw/mntr-follower-2181.txt'));
		expect({...parsed, raw: undefined}).toEqual({
			watchCount: 22,
			ephemeralsCount: 4,
			approximateDataSize: 7631,
			openFileDescriptors: 126,
			maxFileDescriptors: 20_000,
			syncedFollowers: undefined,
			syncedObservers: undefined,
			pendingSyncs: undefined,
			raw: undefined,
		});
	});

	it('keeps every line in raw, without the zk_ prefix and as the server wrote it', () => {
		const {raw} = stats(fixture('4lw/mntr-follower-2181.txt'));
		expect(Object.keys(raw)).toHaveLength(602);
		expect(raw['server_state']).toBe('follower');
		expect(raw['peer_state']).toBe('following - broadcast');
		expect(raw['version']).toBe('3.8.4-9316c2a7a97e1666d8f4593f34dd6fc36ecc436c, built on 2024-02-12 22:16 UTC');
		expect(raw['avg_latency']).toBe('1.3248');
		expect(raw['znode_count']).toBe('100');
		expect(Object.keys(raw).some(key => key.startsWith('zk_'))).toBe(false);
	});

	it('reads an earlier recording of a follower', () => {
		const parsed = stats(fixture('4lw/mntr-follower.txt'));
		expect(parsed.watchCount).toBe(0);
		expect(parsed.approximateDataSize).toBe(1387);
		expect(parsed.openFileDescriptors).toBe(125);
	});

	it('reports zk3\'s refusal (default whitelist) as not whitelisted', () => {
		expect(parseMntr(fixture('4lw/mntr-not-whitelisted.txt'))).toEqual({kind: 'not-whitelisted'});
	});

	it('reports a server outside a quorum as not serving', () => {
		expect(parseMntr(fixture('4lw/srvr-not-serving.txt'))).toEqual({kind: 'not-serving'});
	});
});

describe('parseMntr on edited replies', () => {
	const follower = fixture('4lw/mntr-follower-2181.txt');

	it('reads the leader-only fields', () => {
		const parsed = stats(asLeader(follower));
		expect([parsed.syncedFollowers, parsed.syncedObservers, parsed.pendingSyncs]).toEqual([2, 1, 3]);
		expect(parsed.raw['server_state']).toBe('leader');
	});

	it('reads CRLF line endings', () => {
		const parsed = stats(follower.replaceAll('\n', '\r\n'));
		expect(parsed.watchCount).toBe(22);
		expect(parsed.raw['server_state']).toBe('follower');
	});

	it('leaves a field the server did not report undefined, and one that is not a number', () => {
		const text = follower.replace('zk_open_file_descriptor_count\t126\n', '').replace('zk_watch_count\t22', 'zk_watch_count\tmany');
		const parsed = stats(text);
		expect(parsed.openFileDescriptors).toBeUndefined();
		expect(parsed.watchCount).toBeUndefined();
		expect(parsed.raw['watch_count']).toBe('many');
	});

	it('calls a reply without a server state unparsable', () => {
		const text = follower.replace('zk_server_state\tfollower\n', '');
		expect(parseMntr(text)).toEqual({kind: 'unparsable', text});
	});

	it('does not mistake a srvr reply for mntr', () => {
		const text = fixture('4lw/srvr-leader-2183.txt');
		expect(parseMntr(text)).toEqual({kind: 'unparsable', text});
	});

	it.each(['', 'imok', '\u0000\u0001'])('calls %j unparsable', text => {
		expect(parseMntr(text)).toEqual({kind: 'unparsable', text});
	});
});

describe('monitorStats', () => {
	it('reads numbers from the AdminServer\'s key names, which mntr shares once unprefixed', () => {
		expect(monitorStats({watch_count: '5', synced_followers: '2', pending_syncs: '0', empty: ''})).toMatchObject({
			watchCount: 5, syncedFollowers: 2, pendingSyncs: 0, ephemeralsCount: undefined,
		});
	});

	it('does not read an empty value as 0', () => {
		expect(monitorStats({watch_count: ' '}).watchCount).toBeUndefined();
	});
});
