import {monitorStats, type MntrResult} from './parse-mntr.js';
import {parseMode, type SrvrResult} from './parse-srvr.js';

/**
Replies of ZooKeeper's AdminServer (`GET /commands/<name>`, Jetty, JSON), which say what the
four-letter words say with other names and shapes. Every reply carries `command` and `error`:
  {"command" : "nope", "error" : "Unknown command: nope"}
*/

export type AdminJson = {ok: true; body: Record<string, unknown>} | {ok: false; error: string};

/** The reply's JSON object, or the error it carries in place of data. */
export function parseAdminJson(text: string): AdminJson {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return {ok: false, error: `AdminServer replied with something other than JSON: ${JSON.stringify(text.slice(0, 60))}`};
	}

	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return {ok: false, error: 'AdminServer replied with JSON that is not an object'};
	}

	const record = body as Record<string, unknown>;
	if (typeof record['error'] === 'string') return {ok: false, error: record['error']};
	return {ok: true, body: record};
}

/**
/commands/mntr (command "monitor"): mntr's keys without the `zk_` prefix, values as JSON numbers
and strings. A leader adds synced_followers, synced_observers and pending_syncs.
*/
export function parseAdminMntr(text: string): MntrResult {
	const json = parseAdminJson(text);
	if (!json.ok) return notServing(json.error) ? {kind: 'not-serving'} : {kind: 'unparsable', text};
	const raw: Record<string, string> = {};
	for (const [key, value] of Object.entries(json.body)) {
		if (key === 'command' || key === 'error' || value === null) continue;
		raw[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
	}

	if (raw['server_state'] === undefined) return {kind: 'unparsable', text};
	return {kind: 'stats', stats: monitorStats(raw)};
}

/**
/commands/srvr (command "server_stats"): what `srvr` prints, nested under server_stats.
The zxid is taken from the text, not the parsed JSON: it is a 64-bit number, and JSON.parse
would round one whose epoch is past 2^21.
*/
export function parseAdminSrvr(text: string): SrvrResult {
	const json = parseAdminJson(text);
	if (!json.ok) return notServing(json.error) ? {kind: 'not-serving'} : {kind: 'unparsable', text};
	const stats = json.body['server_stats'];
	if (typeof stats !== 'object' || stats === null) return {kind: 'unparsable', text};
	const field = (name: string) => (stats as Record<string, unknown>)[name];
	const number = (name: string) => (typeof field(name) === 'number' ? field(name) as number : Number.NaN);

	const readOnly = json.body['read_only'] === true;
	const mode = readOnly ? 'read-only' : parseMode(typeof field('server_state') === 'string' ? field('server_state') as string : undefined);
	const zxid = /"last_processed_zxid"\s*:\s*(\d+)/.exec(text)?.[1];
	const latency = {min: number('min_latency'), avg: number('avg_latency'), max: number('max_latency')};
	if (!mode || zxid === undefined || Object.values(latency).some(Number.isNaN)) return {kind: 'unparsable', text};

	const count = (value: number) => (Number.isNaN(value) ? 0 : value);
	return {
		kind: 'serving',
		stats: {
			version: typeof json.body['version'] === 'string' ? json.body['version'] : '',
			latency,
			received: count(number('packets_received')),
			sent: count(number('packets_sent')),
			connections: count(number('num_alive_client_connections')),
			outstanding: count(number('outstanding_requests')),
			zxid: BigInt(zxid),
			mode,
			nodeCount: typeof json.body['node_count'] === 'number' ? json.body['node_count'] : 0,
		},
	};
}

function notServing(error: string): boolean {
	return /not currently serving requests/.test(error);
}
