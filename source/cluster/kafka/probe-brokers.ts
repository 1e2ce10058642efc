import type {LoadCounters} from '../load-counters.js';
import {withTimeout} from '../with-timeout.js';
import {addressOf, isSecurityFailure, isTimeout} from './broker-connections.js';
import type {KafkaSecurity} from './client-security.js';
import {backingOffText, type BrokerBackoff} from './broker-backoff.js';
import {failureText} from './failure-text.js';
import {openWire} from './kafkajs-wire.js';

export type BrokerProbe = {reachable: boolean; error?: string; latencyMs?: number};

export type ProbeOptions = {
	clientId: string;
	timeoutMs: number;
	/** Shared with the source's connections: a broker backing off is not probed either, and a probe that times out backs it off. */
	backoff?: BrokerBackoff;
	counters?: LoadCounters;
	security?: KafkaSecurity;
};

/**
Whether each broker answers at all, for BROKER_UNREACHABLE. Each broker gets its own short-lived
connection, never the source's shared one: a probe must not queue behind a hung request, and a
broker that answers the refresh through an old socket but not a new connection is still worth
knowing about. Connecting sends ApiVersions, the cheapest request there is; its reply is the proof.
A paused broker accepts the TCP connection (the kernel does that) and then says nothing:
"no reply within 2000 ms". A dead one refuses: "connection refused".
Every probe destroys its socket when done: closed politely, a probe of a broker that never
answers would wait for it, and ktop's open descriptors would grow by one per refresh.
*/
export async function probeBrokers(brokers: Array<{id: number; host: string; port: number}>, options: ProbeOptions): Promise<Map<number, BrokerProbe>> {
	const results = await Promise.all(brokers.map(async (broker): Promise<[number, BrokerProbe]> => {
		const address = addressOf(broker);
		const backingOff = options.backoff?.current(address);
		if (backingOff) return [broker.id, {reachable: false, error: backingOffText(backingOff)}];
		const wire = openWire(broker.host, broker.port, options.clientId, {connectionTimeoutMs: options.timeoutMs, requestTimeoutMs: options.timeoutMs + 1000}, undefined, {counters: options.counters, security: options.security});
		const started = performance.now();
		try {
			await withTimeout(wire.connect(), options.timeoutMs);
			options.backoff?.answered(address);
			return [broker.id, {reachable: true, latencyMs: Math.round(performance.now() - started)}];
		} catch (error) {
			const text = failureText(error);
			if (isTimeout(error)) options.backoff?.timedOut(address);
			else if (isSecurityFailure(error)) options.backoff?.failed(address, text);
			return [broker.id, {reachable: false, error: text}];
		} finally {
			// Nothing is pending after the reply, and a broker that hung since would never finish a polite close.
			wire.destroy('probe done');
		}
	}));
	return new Map(results);
}
