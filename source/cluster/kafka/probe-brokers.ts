import {failureText} from './failure-text.js';
import {openWire} from './kafkajs-wire.js';
import {withTimeout} from '../with-timeout.js';

export type BrokerProbe = {reachable: boolean; error?: string; latencyMs?: number};

/**
Whether each broker answers at all, for BROKER_UNREACHABLE. Each broker gets its own short-lived
connection, never the source's shared one: a probe must not queue behind a hung request, and a
broker that answers the refresh through an old socket but not a new connection is still worth
knowing about. Connecting sends ApiVersions, the cheapest request there is; its reply is the proof.
A paused broker accepts the TCP connection (the kernel does that) and then says nothing:
"no reply within 2000 ms". A dead one refuses: "connection refused".
*/
export async function probeBrokers(brokers: Array<{id: number; host: string; port: number}>, options: {clientId: string; timeoutMs: number}): Promise<Map<number, BrokerProbe>> {
	const results = await Promise.all(brokers.map(async (broker): Promise<[number, BrokerProbe]> => {
		const wire = openWire(broker.host, broker.port, options.clientId, {connectionTimeoutMs: options.timeoutMs, requestTimeoutMs: options.timeoutMs + 1000});
		const started = performance.now();
		try {
			await withTimeout(wire.connect(), options.timeoutMs);
			return [broker.id, {reachable: true, latencyMs: Math.round(performance.now() - started)}];
		} catch (error) {
			return [broker.id, {reachable: false, error: failureText(error)}];
		} finally {
			void wire.disconnect().catch(() => undefined);
		}
	}));
	return new Map(results);
}
