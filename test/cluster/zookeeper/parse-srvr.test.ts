import {describe, expect, it} from 'vitest';
import {parseSrvr, type SrvrStats} from '../../../source/cluster/zookeeper/parse-srvr.js';
import {fixture} from '../../helpers/fixture.js';

const version = '3.8.4-9316c2a7a97e1666d8f4593f34dd6fc36ecc436c, built on 2024-02-12 22:16 UTC';

function stats(text: string): SrvrStats {
	const result = parseSrvr(text);
	if (result.kind !== 'serving') throw new Error(`expected a serving reply, got ${result.kind}`);
	return result.stats;
}

describe('parseSrvr on recorded replies', () => {
	it('reads every field of the leader\'s reply', () => {
		expect(parseSrvr(fixture('4lw/srvr-leader-2183.txt'))).toEqual({
			kind: 'serving',
			stats: {
				version,
				latency: {min: 0, avg: 1.8095, max: 14},
				received: 49,
				sent: 48,
				connections: 1,
				outstanding: 0,
				zxid: 0x1_0000_00acn,
				mode: 'leader',
				nodeCount: 30,
			},
		});
	});

	it('reads the first follower\'s reply', () => {
		expect(stats(fixture('4lw/srvr-follower-2181.txt'))).toEqual({
			version,
			latency: {min: 0, avg: 1.5882, max: 20},
			received: 57,
			sent: 58,
			connections: 1,
			outstanding: 0,
			zxid: 0x1_0000_00acn,
			mode: 'follower',
			nodeCount: 30,
		});
	});

	it('reads the second follower\'s reply', () => {
		expect(stats(fixture('4lw/srvr-follower-2182.txt'))).toEqual({
			version,
			latency: {min: 0, avg: 1.347, max: 33},
			received: 274,
			sent: 280,
			connections: 4,
			outstanding: 0,
			zxid: 0x1_0000_00acn,
			mode: 'follower',
			nodeCount: 30,
		});
	});

	it('keeps the zxid as a bigint whose high 32 bits are the epoch and low 32 the counter', () => {
		const {zxid} = stats(fixture('4lw/srvr-leader-2183.txt'));
		expect(typeof zxid).toBe('bigint');
		expect(zxid >> 32n).toBe(1n);
		expect(zxid & 0xFFFF_FFFFn).toBe(0xACn);
	});

	it('keeps a zxid beyond 2^53 exact', () => {
		const text = fixture('4lw/srvr-follower-2181.txt').replace('Zxid: 0x1000000ac', 'Zxid: 0xfffffffffffffff1');
		expect(stats(text).zxid).toBe(0xFFFF_FFFF_FFFF_FFF1n);
	});

	it('reports a server outside a quorum as not serving', () => {
		expect(parseSrvr(fixture('4lw/srvr-not-serving.txt'))).toEqual({kind: 'not-serving'});
	});

	it('reports a word refused by 4lw.commands.whitelist as not whitelisted', () => {
		expect(parseSrvr(fixture('4lw/mntr-not-whitelisted.txt'))).toEqual({kind: 'not-whitelisted'});
	});

	it('does not mistake an mntr reply for srvr', () => {
		const text = fixture('4lw/mntr-follower.txt');
		expect(parseSrvr(text)).toEqual({kind: 'unparsable', text});
	});
});

describe('parseSrvr on edited replies', () => {
	const follower = fixture('4lw/srvr-follower-2181.txt');

	it.each([
		['standalone', 'standalone'],
		['observer', 'observer'],
		['read-only', 'read-only'],
		['readonly', 'read-only'],
	] as const)('reads "Mode: %s" as %s', (written, mode) => {
		expect(stats(follower.replace('Mode: follower', `Mode: ${written}`)).mode).toBe(mode);
	});

	it('reads a reply with CRLF line endings', () => {
		const parsed = stats(follower.replaceAll('\n', '\r\n'));
		expect(parsed.mode).toBe('follower');
		expect(parsed.nodeCount).toBe(30);
		expect(parsed.version).toBe(version);
	});

	it('calls an unknown mode unparsable', () => {
		const text = follower.replace('Mode: follower', 'Mode: looking');
		expect(parseSrvr(text)).toEqual({kind: 'unparsable', text});
	});

	it('calls a reply without a zxid unparsable', () => {
		const text = follower.replace('Zxid: 0x1000000ac\n', '');
		expect(parseSrvr(text).kind).toBe('unparsable');
	});

	it('calls a non-hex zxid unparsable', () => {
		const text = follower.replace('Zxid: 0x1000000ac', 'Zxid: 4294967468');
		expect(parseSrvr(text).kind).toBe('unparsable');
	});

	it('calls a latency line without three numbers unparsable', () => {
		expect(parseSrvr(follower.replace('0/1.5882/20', '0/1.5882')).kind).toBe('unparsable');
		expect(parseSrvr(follower.replace('0/1.5882/20', '0/fast/20')).kind).toBe('unparsable');
	});

	it('counts a missing numeric field as 0', () => {
		expect(stats(follower.replace('Node count: 30\n', '')).nodeCount).toBe(0);
	});
});

describe('parseSrvr on garbage', () => {
	it.each([
		'',
		'imok',
		'HTTP/1.1 400 Bad Request\r\n\r\n',
		'\u0000\u0001\u0002',
	])('returns %j unparsable, keeping the text', text => {
		expect(parseSrvr(text)).toEqual({kind: 'unparsable', text});
	});
});
