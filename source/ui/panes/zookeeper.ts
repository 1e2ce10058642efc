import type {QuorumSummary, ZkServerMode, ZkServerSummary} from '../../model/types.js';
import {quorumWords} from '../../model/quorum-words.js';
import {sanitize} from '../../text/sanitize.js';
import {countCell} from '../format/cell.js';
import {notApplicable, thousands, unknown} from '../format/number.js';
import {zxidSortKey} from '../format/zxid.js';
import type {Cell, Pane, PaneContext, Row, Tone} from './pane.js';

/**
One row per ZooKeeper server: what zktop shows (mode, zxid, latency, connections, outstanding,
znodes) and what it cannot: lag behind the leader, watches and synced followers from `mntr`,
where those came from, and what a whitelist hid. Columns run in order of importance, so a
narrow terminal loses the least useful ones on the right; the summary repeats every problem.
*/
export const zookeeperPane: Pane = {
	id: 'zookeeper',
	title: () => 'zookeeper',
	aliases: ['zk', 'zookeeper'],
	columns: [
		{title: 'ID', width: 3, align: 'right', sortKey: 'I'},
		{title: 'SERVER', width: 'flex', minWidth: 14, sortKey: 'N'},
		{title: 'MODE', width: 11, sortKey: 'M'},
		{title: 'BEHIND', width: 6, align: 'right', sortKey: 'B'},
		{title: 'OUTST', width: 5, align: 'right', sortKey: 'O'},
		{title: 'LATENCY', width: 10, align: 'right', sortKey: 'L'},
		{title: 'CONNS', width: 5, align: 'right', sortKey: 'C'},
		{title: 'ZNODES', width: 7, align: 'right', sortKey: 'Z'},
		{title: 'WATCHES', width: 7, align: 'right', sortKey: 'W'},
		{title: 'SYNCED', width: 6, align: 'right', sortKey: 'Y'},
		{title: 'ZXID', width: 12, sortKey: 'X'},
		{title: 'STATS', width: 5, sortKey: 'T'},
		{title: 'NOTE', width: 'flex', minWidth: 12},
	],
	rows({snapshot}) {
		const zookeeper = snapshot.zookeeper;
		if (!zookeeper) return [];
		return zookeeper.servers.map(server => serverRow(server, zookeeper.quorum));
	},
	summary: zookeeperSummary,
	empty: 'no ZooKeeper servers known',
};

const downModes = new Set<ZkServerMode>(['unreachable', 'not serving', 'read-only']);

/** A standalone server is its own leader, as the model counts it. */
function leads(server: ZkServerSummary): boolean {
	return server.mode === 'leader' || server.mode === 'standalone';
}

function serverRow(server: ZkServerSummary, quorum: QuorumSummary): Row {
	// A server that is down has no stats at all: blank cells read better than a row of "?".
	// One whose mode a whitelist hid may still have stats from the AdminServer, so it keeps its cells.
	const down = downModes.has(server.mode);
	// No sort value: the table puts cells without one last, whichever way it sorts.
	const blank: Cell = {text: ''};
	const stat = (value: number | undefined): Cell => (down ? blank : countCell(value));
	return {
		key: server.address,
		tone: down ? 'bad' : server.mode === 'unknown' ? 'warn' : undefined,
		cells: [
			server.id === undefined ? {text: unknown, sort: -1, tone: 'dim'} : {text: String(server.id), sort: server.id},
			{text: sanitize(server.address)},
			modeCell(server.mode),
			down ? blank : behindCell(server),
			stat(server.outstanding),
			server.latency ? latencyCell(server.latency) : stat(undefined),
			stat(server.connections),
			stat(server.nodeCount),
			stat(server.monitor?.watchCount),
			down ? blank : syncedCell(server, quorum),
			down ? blank : server.zxid === undefined ? {text: unknown, sort: '', tone: 'dim'} : {text: server.zxid, sort: zxidSortKey(server.zxid)},
			{text: server.monitorSource === 'admin-server' ? 'admin' : server.monitorSource ?? (down ? '' : notApplicable)},
			noteCell(server),
		],
	};
}

/** "leader*": the mark makes the leader findable in a column of followers without colour. */
function modeCell(mode: ZkServerMode): Cell {
	if (mode === 'leader') return {text: 'leader*', tone: 'accent'};
	if (downModes.has(mode)) return {text: mode, tone: 'bad'};
	if (mode === 'unknown') return {text: mode, tone: 'warn'};
	return {text: mode};
}

/** Transactions behind the leader; unknown across an epoch change, where the difference means nothing. */
function behindCell(server: ZkServerSummary): Cell {
	if (leads(server)) return {text: notApplicable, sort: 0, tone: 'dim'};
	if (server.zxidLag === undefined) return {text: unknown, sort: -1, tone: 'dim'};
	return {text: thousands(server.zxidLag), sort: server.zxidLag};
}

/** min/avg/max in milliseconds as ZooKeeper reports them; sorted by the average. */
function latencyCell(latency: NonNullable<ZkServerSummary['latency']>): Cell {
	return {text: `${short(latency.min)}/${short(latency.avg)}/${short(latency.max)}`, sort: latency.avg};
}

function short(value: number): string {
	return Number.isInteger(value) || value >= 10 ? String(Math.round(value)) : value.toFixed(1);
}

/**
The leader's followers in sync, out of the other voting members: "1/2" says a follower is still
syncing or gone. Observers, when any, follow after a "+". Only the leader reports this.
*/
function syncedCell(server: ZkServerSummary, quorum: QuorumSummary): Cell {
	if (server.mode === 'unknown') return {text: unknown, sort: -1, tone: 'dim'};
	if (server.mode !== 'leader') return {text: notApplicable, sort: -1, tone: 'dim'};
	const synced = server.monitor?.syncedFollowers;
	if (synced === undefined) return {text: unknown, sort: -1, tone: 'dim'};
	const expected = Math.max(0, quorum.size - 1);
	const observers = server.monitor?.syncedObservers;
	const text = `${synced}/${expected}${observers ? `+${observers}` : ''}`;
	return synced < expected ? {text, sort: synced, tone: 'warn'} : {text, sort: synced};
}

/** Why something is missing or wrong first (an error, a whitelist), then what is merely worth knowing. */
function noteCell(server: ZkServerSummary): Cell {
	const notes = [
		server.error,
		...server.limits,
		server.inConnectString ? undefined : 'not in connect string',
		server.version === undefined ? undefined : `v${server.version}`,
	].filter((note): note is string => note !== undefined);
	const tone: Tone | undefined = server.error ? 'bad' : server.limits.length > 0 ? 'warn' : undefined;
	const text = sanitize(notes.join('; '));
	return tone ? {text, tone} : {text};
}

function notJudgedNote(snapshot: PaneContext['snapshot']): string[] {
	const codes = (snapshot.notJudged ?? []).map(entry => entry.code);
	return codes.length > 0 ? [`not judged: ${codes.join(', ')} (:health lists them)`] : [];
}

/**
"3/3 serving, leader 127.0.0.1:2183, quorum ok", or what is wrong: no leader, several leaders,
QUORUM LOST, or quorum unknown when servers whose mode a whitelist hid could tip the count.
Then every server that is down or limited, with why, since the NOTE column may be cut off.
*/
export function zookeeperSummary({snapshot}: PaneContext): string {
	const zookeeper = snapshot.zookeeper;
	const brokersOnly = snapshot.brokersOnly ? [`brokers only: ${sanitize(snapshot.brokersOnly.reason)}`, ...notJudgedNote(snapshot)] : [];
	if (!zookeeper && brokersOnly.length > 0) return ['ZooKeeper not read', ...brokersOnly].join(' · ');
	if (!zookeeper) {
		const errors = snapshot.errors.filter(error => error.source === 'zookeeper').map(error => sanitize(error.message));
		return `ZooKeeper not read${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`;
	}

	const {quorum, servers} = zookeeper;
	const words = quorumWords(quorum, sanitize);
	const hiding = servers.filter(server => server.mode === 'unknown').length;
	const verdict = quorum.state === 'ok' ? 'quorum ok' : quorum.state === 'lost' ? 'QUORUM LOST'
		: `quorum unknown${hiding > 0 ? ` (${hiding} server${hiding === 1 ? '' : 's'} hide their mode)` : ''}`;
	const leader = quorum.state === 'lost' || quorum.leaderState === 'unknown' ? undefined : words.leader;
	const problems = servers.flatMap(server => {
		const why = [server.error, ...server.limits].filter(Boolean).join('; ');
		if (downModes.has(server.mode)) return [`${server.address} ${server.mode}${why ? `: ${why}` : ''}`];
		return why ? [`${server.address}: ${why}`] : [];
	});
	return [[`${words.count} serving`, leader, verdict].filter(Boolean).join(', '), ...brokersOnly, ...(quorum.unprobed > 0 ? ['members without a client address cannot be probed: give them with -z'] : []), ...problems.map(problem => sanitize(problem))].join(' · ');
}
