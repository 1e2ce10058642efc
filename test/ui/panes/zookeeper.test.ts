import {describe, expect, it} from 'vitest';
import {zookeeperPane} from '../../../source/ui/panes/zookeeper.js';
import {broken, context, down, healthy, hostile, hostileShown, zkServer} from './fixtures.js';
import {lines, tones} from './rows.js';

const titles = zookeeperPane.columns.map(column => column.title);

describe('zookeeper pane', () => {
	it('shows one row per server: mode with the leader marked, lag, stats, synced followers, zxid, stats source', () => {
		expect(titles).toEqual(['ID', 'SERVER', 'MODE', 'BEHIND', 'OUTST', 'LATENCY', 'CONNS', 'ZNODES', 'WATCHES', 'SYNCED', 'ZXID', 'STATS', 'NOTE']);
		const rows = zookeeperPane.rows(context(healthy()));
		expect(lines(rows)).toEqual([
			'1 | 127.0.0.1:2181 | follower | 2 | 0 | 0/0.5/12 | 3 | 1,502 | 1,234 | - | 0x50000000e | 4lw | v3.8.4',
			'2 | 127.0.0.1:2182 | follower | 0 | 0 | 0/0.5/12 | 3 | 1,502 | 1,234 | - | 0x500000010 | 4lw | v3.8.4',
			'3 | 127.0.0.1:2183 | leader* | - | 0 | 0/0.5/12 | 5 | 1,502 | 1,234 | 2/2 | 0x500000010 | 4lw | v3.8.4',
		]);
		expect(rows.map(row => row.key)).toEqual(['127.0.0.1:2181', '127.0.0.1:2182', '127.0.0.1:2183']);
		expect(rows.map(row => row.tone)).toEqual([undefined, undefined, undefined]);
		expect(zookeeperPane.summary!(context(healthy()))).toBe('3/3 serving, leader 127.0.0.1:2183, quorum ok');
	});

	it('shows a server that is down with blank stats and its error, and one limited by a whitelist with "?" and why', () => {
		const rows = zookeeperPane.rows(context(broken()));
		expect(lines(rows)).toEqual([
			'1 | 127.0.0.1:2181 | unreachable |  |  |  |  |  |  |  |  |  | connect ECONNREFUSED 127.0.0.1:2181',
			'2 | 127.0.0.1:2182 | follower | 0 | 0 | 0/0.5/12 | 3 | 1,502 | ? | - | 0x500000010 | - | mntr not whitelisted; v3.8.4',
			'3 | 127.0.0.1:2183 | leader* | - | 0 | 0/0.5/12 | 3 | 1,502 | 1,234 | 1/2 | 0x500000010 | admin | v3.8.4',
		]);
		expect(rows.map(row => row.tone)).toEqual(['bad', undefined, undefined]);
		expect(tones(rows[0]!, titles)).toEqual({MODE: 'bad', NOTE: 'bad'});
		expect(tones(rows[1]!, titles)).toEqual({WATCHES: 'dim', SYNCED: 'dim', NOTE: 'warn'});
		// One follower of two synced: worth a glance.
		expect(tones(rows[2]!, titles)).toEqual({MODE: 'accent', BEHIND: 'dim', SYNCED: 'warn'});
		expect(zookeeperPane.summary!(context(broken()))).toBe(
			'2/3 serving, leader 127.0.0.1:2183, quorum ok · 127.0.0.1:2181 unreachable: connect ECONNREFUSED 127.0.0.1:2181 · 127.0.0.1:2182: mntr not whitelisted',
		);
	});

	it('says QUORUM LOST when a majority is down', () => {
		const snapshot = healthy();
		snapshot.zookeeper = {
			servers: [down(2181, 'refused'), down(2182, 'refused'), zkServer(2183, {mode: 'not serving', zxid: undefined, zxidLag: undefined})],
			quorum: {size: 3, serving: 0, leader: undefined, leaders: [], hasQuorum: false, state: 'lost', leaderState: 'none', unprobed: 0},
		};
		expect(zookeeperPane.summary!(context(snapshot))).toBe(
			'0/3 serving, QUORUM LOST · 127.0.0.1:2181 unreachable: refused · 127.0.0.1:2182 unreachable: refused · 127.0.0.1:2183 not serving',
		);
		expect(zookeeperPane.rows(context(snapshot)).map(row => row.tone)).toEqual(['bad', 'bad', 'bad']);
	});

	it('does not claim the quorum lost when servers hiding their mode could hold it', () => {
		const snapshot = healthy();
		const hidden = {mode: 'unknown' as const, zxid: undefined, zxidLag: undefined, latency: undefined, connections: undefined, outstanding: undefined, nodeCount: undefined, limits: ['srvr not whitelisted']};
		snapshot.zookeeper = {
			servers: [zkServer(2181, hidden), zkServer(2182, hidden), zkServer(2183, {mode: 'leader'})],
			quorum: {size: 3, serving: 1, leader: '127.0.0.1:2183', leaders: ['127.0.0.1:2183'], hasQuorum: false, state: 'unknown', leaderState: 'one', unprobed: 0},
		};
		expect(zookeeperPane.summary!(context(snapshot))).toMatch(/^1\/3 serving, leader 127\.0\.0\.1:2183, quorum unknown \(2 servers hide their mode\) · /);
		const [row] = zookeeperPane.rows(context(snapshot));
		expect(row!.tone).toBe('warn');
		// Its mntr stats (watches) still came through; what srvr would have said is unknown.
		expect(lines([row!])).toEqual(['1 | 127.0.0.1:2181 | unknown | ? | ? | ? | ? | ? | 1,234 | ? | ? | 4lw | srvr not whitelisted; v3.8.4']);
	});

	it('names every server claiming to lead in a split brain', () => {
		const snapshot = healthy();
		snapshot.zookeeper!.servers[0] = zkServer(2181, {mode: 'leader'});
		snapshot.zookeeper!.quorum = {size: 3, serving: 3, leader: undefined, leaders: ['127.0.0.1:2181', '127.0.0.1:2183'], hasQuorum: true, state: 'ok', leaderState: 'several', unprobed: 0};
		expect(zookeeperPane.summary!(context(snapshot))).toBe('3/3 serving, 2 LEADERS 127.0.0.1:2181 127.0.0.1:2183, quorum ok');
	});

	it('sorts zxids by value and latency by average, not by text', () => {
		const snapshot = healthy();
		snapshot.zookeeper!.servers[0] = zkServer(2181, {zxid: '0x9', latency: {min: 1, avg: 9.25, max: 30}});
		snapshot.zookeeper!.servers[1] = zkServer(2182, {zxid: '0x10', latency: {min: 0, avg: 10, max: 100}});
		const rows = zookeeperPane.rows(context(snapshot));
		const zxid = rows.map(row => row.cells[10]!.sort as string);
		expect(zxid[0]! < zxid[1]!).toBe(true);
		expect(rows.map(row => [row.cells[5]!.text, row.cells[5]!.sort])).toEqual([['1/9.3/30', 9.25], ['0/10/100', 10], ['0/0.5/12', 0.5]]);
	});

	it('notes a server missing from the connect string, and escapes what servers report', () => {
		const snapshot = healthy();
		snapshot.zookeeper!.servers[0] = zkServer(2181, {address: `${hostile}:2181`, inConnectString: false, error: undefined, limits: [hostile], version: undefined});
		const [row] = zookeeperPane.rows(context(snapshot));
		expect(row!.cells[1]!.text).toBe(`${hostileShown}:2181`);
		expect(row!.cells[12]!.text).toBe(`${hostileShown}; not in connect string`);
		expect(zookeeperPane.summary!(context(snapshot))).toContain(`${hostileShown}:2181: ${hostileShown}`);
	});

	it('says ZooKeeper was not read, with why, when the snapshot has no ensemble', () => {
		const snapshot = healthy();
		snapshot.zookeeper = undefined;
		snapshot.errors = [{source: 'zookeeper', message: `connect timeout ${hostile}`}];
		expect(zookeeperPane.rows(context(snapshot))).toEqual([]);
		expect(zookeeperPane.summary!(context(snapshot))).toBe(`ZooKeeper not read: connect timeout ${hostileShown}`);
		expect(zookeeperPane.empty).toBe('no ZooKeeper servers known');
	});
});
