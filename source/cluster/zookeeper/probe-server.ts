import type {HostPort, ZkServerProbe} from '../types.js';
import {sendFourLetterWord, type FourLetterReply} from './four-letter-word.js';
import {parseSrvr, type SrvrResult} from './parse-srvr.js';

/** One server's state from `srvr`, which every ZooKeeper 3.5+ server allows by default. */
export async function probeZkServer(server: HostPort, timeoutMs = 2000): Promise<ZkServerProbe> {
	return probeFromReply(server, await sendFourLetterWord(server.host, server.port, 'srvr', timeoutMs));
}

/** The probe a `srvr` reply (or its failure) amounts to. */
export function probeFromReply(server: HostPort, reply: FourLetterReply): ZkServerProbe {
	if (!reply.ok) return {...server, state: 'unreachable', error: reply.error};
	return probeFromSrvr(server, parseSrvr(reply.text));
}

/** The probe a parsed srvr reply amounts to, whether it came over 4lw or from the AdminServer. */
export function probeFromSrvr(server: HostPort, parsed: SrvrResult): ZkServerProbe {
	switch (parsed.kind) {
		case 'serving': return {...server, state: 'serving', stats: parsed.stats};
		case 'not-serving': return {...server, state: 'not-serving'};
		case 'not-whitelisted': return {...server, state: 'srvr-refused'};
		case 'unparsable': return {...server, state: 'unparsable', text: parsed.text};
	}
}
