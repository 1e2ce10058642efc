import {isNotWhitelisted} from './four-letter-word.js';

export type ZkMode = 'leader' | 'follower' | 'observer' | 'standalone' | 'read-only';

export type SrvrStats = {
	version: string;
	latency: {min: number; avg: number; max: number};
	received: number;
	sent: number;
	connections: number;
	outstanding: number;
	/** Kept as bigint: the high 32 bits are the epoch, the low 32 the counter. */
	zxid: bigint;
	mode: ZkMode;
	nodeCount: number;
};

export type SrvrResult =
	| {kind: 'serving'; stats: SrvrStats}
	| {kind: 'not-serving'}
	| {kind: 'not-whitelisted'}
	| {kind: 'unparsable'; text: string};

const notServing = /This ZooKeeper instance is not currently serving requests/;

/** Parses the reply to `srvr` (also the first part of `stat`). */
export function parseSrvr(text: string): SrvrResult {
	if (notServing.test(text)) return {kind: 'not-serving'};
	if (isNotWhitelisted(text)) return {kind: 'not-whitelisted'};

	const fields = new Map<string, string>();
	for (const line of text.split('\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
	}

	const mode = parseMode(fields.get('Mode'));
	const zxid = fields.get('Zxid');
	const latency = fields.get('Latency min/avg/max')?.split('/').map(Number);
	if (!mode || !zxid || !/^0x[0-9a-f]+$/i.test(zxid) || latency?.length !== 3 || latency.some(Number.isNaN)) {
		return {kind: 'unparsable', text};
	}

	return {
		kind: 'serving',
		stats: {
			version: fields.get('Zookeeper version') ?? '',
			latency: {min: latency[0]!, avg: latency[1]!, max: latency[2]!},
			received: toInt(fields.get('Received')),
			sent: toInt(fields.get('Sent')),
			connections: toInt(fields.get('Connections')),
			outstanding: toInt(fields.get('Outstanding')),
			zxid: BigInt(zxid),
			mode,
			nodeCount: toInt(fields.get('Node count')),
		},
	};
}

/** A server state as srvr, mntr and the AdminServer spell it; undefined for anything else. */
export function parseMode(raw: string | undefined): ZkMode | undefined {
	switch (raw) {
		case 'leader':
		case 'follower':
		case 'observer':
		case 'standalone':
			return raw;
		case 'read-only':
		case 'readonly':
			return 'read-only';
		default:
			return undefined;
	}
}

function toInt(raw: string | undefined): number {
	const value = Number.parseInt(raw ?? '', 10);
	return Number.isNaN(value) ? 0 : value;
}
