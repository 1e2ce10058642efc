import type {HostPort, ZkServerProbe} from '../types.js';
import {sendFourLetterWord} from './four-letter-word.js';
import {parseSrvr} from './parse-srvr.js';

/** One server's state from `srvr`, which every ZooKeeper 3.5+ server allows by default. */
export async function probeZkServer(server: HostPort, timeoutMs = 2000): Promise<ZkServerProbe> {
	const reply = await sendFourLetterWord(server.host, server.port, 'srvr', timeoutMs);
	if (!reply.ok) return {...server, state: 'unreachable', error: reply.error};
	const parsed = parseSrvr(reply.text);
	switch (parsed.kind) {
		case 'serving': return {...server, state: 'serving', stats: parsed.stats};
		case 'not-serving': return {...server, state: 'not-serving'};
		case 'not-whitelisted': return {...server, state: 'srvr-refused'};
		case 'unparsable': return {...server, state: 'unparsable', text: parsed.text};
	}
}
