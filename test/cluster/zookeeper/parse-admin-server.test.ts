import {describe, expect, it} from 'vitest';
import {parseAdminJson, parseAdminMntr, parseAdminSrvr} from '../../../source/cluster/zookeeper/parse-admin-server.js';
import {fixture} from '../../helpers/fixture.js';

const version = '3.8.4-9316c2a7a97e1666d8f4593f34dd6fc36ecc436c, built on 2024-02-12 22:16 UTC';

describe('parseAdminMntr on zk3\'s recorded /commands/mntr (leader)', () => {
	const text = fixture('admin-server/mntr-leader-8183.json');

	it('reads the monitor fields, leader-only ones included', () => {
		const result = parseAdminMntr(text);
		if (result.kind !== 'stats') throw new Error(result.kind);
		expect({...result.stats, raw: undefined}).toEqual({
			watchCount: 0,
			ephemeralsCount: 4,
			approximateDataSize: 7631,
			openFileDescriptors: 130,
			maxFileDescriptors: 20_000,
			syncedFollowers: 2,
			syncedObservers: 0,
			pendingSyncs: 0,
			raw: undefined,
		});
	});

	it('keeps every field in raw as text, but not the reply\'s own command and error', () => {
		const result = parseAdminMntr(text);
		if (result.kind !== 'stats') throw new Error(result.kind);
		expect(result.stats.raw['server_state']).toBe('leader');
		expect(result.stats.raw['version']).toBe(version);
		expect(result.stats.raw['avg_latency']).toBe('1.0473');
		expect(result.stats.raw['connection_drop_probability']).toBe('0');
		expect(result.stats.raw['command']).toBeUndefined();
		expect(result.stats.raw['error']).toBeUndefined();
		expect(Object.keys(result.stats.raw).length).toBeGreaterThan(500);
	});

	it('calls a reply of another command unparsable', () => {
		const srvr = fixture('admin-server/srvr-leader-8183.json');
		expect(parseAdminMntr(srvr)).toEqual({kind: 'unparsable', text: srvr});
	});

	it('reads "not currently serving" in the error field as not serving', () => {
		expect(parseAdminMntr('{"command":"monitor","error":"This ZooKeeper instance is not currently serving requests"}'))
			.toEqual({kind: 'not-serving'});
	});
});

describe('parseAdminSrvr on zk3\'s recorded /commands/srvr (leader)', () => {
	const text = fixture('admin-server/srvr-leader-8183.json');

	it('reads what srvr says, from server_stats', () => {
		expect(parseAdminSrvr(text)).toEqual({
			kind: 'serving',
			stats: {
				version,
				latency: {min: 0, avg: 1.0473, max: 31},
				received: 201,
				sent: 201,
				connections: 0,
				outstanding: 0,
				zxid: 0x4_0000_0132n,
				mode: 'leader',
				nodeCount: 100,
			},
		});
	});

	it('keeps a zxid beyond 2^53 exact', () => {
		const result = parseAdminSrvr(text.replace('17179869490', '18446744073709551601'));
		expect(result.kind === 'serving' && result.stats.zxid).toBe(0xFFFF_FFFF_FFFF_FFF1n);
	});

	it('reads read_only as the read-only mode', () => {
		const result = parseAdminSrvr(text.replace('"read_only" : false', '"read_only" : true'));
		expect(result.kind === 'serving' && result.stats.mode).toBe('read-only');
	});

	it('calls an unknown server state unparsable', () => {
		const edited = text.replace('"server_state" : "leader"', '"server_state" : "looking"');
		expect(parseAdminSrvr(edited)).toEqual({kind: 'unparsable', text: edited});
	});

	it('reads "not currently serving" as not serving', () => {
		expect(parseAdminSrvr('{"command":"server_stats","error":"This ZooKeeper instance is not currently serving requests"}'))
			.toEqual({kind: 'not-serving'});
	});
});

describe('parseAdminJson', () => {
	it('returns the error a reply carries, such as an unknown command (recorded)', () => {
		expect(parseAdminJson(fixture('admin-server/unknown-command.json'))).toEqual({ok: false, error: 'Unknown command: nope'});
	});

	it('refuses what is not a JSON object', () => {
		expect(parseAdminJson('<html>404</html>')).toEqual({ok: false, error: 'AdminServer replied with something other than JSON: "<html>404</html>"'});
		expect(parseAdminJson('[1]')).toEqual({ok: false, error: 'AdminServer replied with JSON that is not an object'});
	});

	it('passes a reply with "error": null', () => {
		expect(parseAdminJson('{"command":"ruok","error":null}')).toEqual({ok: true, body: {command: 'ruok', error: null}});
	});
});
