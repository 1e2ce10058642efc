import type {WriteFailure} from '../../write-types.js';
import {BrokerFailure} from '../broker-connections.js';
import {HeldForZookeeper} from '../zookeeper-bound.js';
import {kafkaFailure} from './write-failure.js';

/** Socket errors after a request may have gone out: its fate is unknown. */
const lostOnTheWay = new Set(['ECONNRESET', 'EPIPE']);

type Cause = {name?: string; code?: string | number} | undefined;

/**
A call that got no Kafka reply, in an operator's words. NO_BROKER: nothing reached a broker (the
connection was refused or never made, or the broker is not in the metadata), so nothing changed.
NO_REPLY: anything else (no reply in time, the connection lost mid-request, a reply that could not
be read): for a write the change may or may not have been made, and retrying blindly could make it
twice. `changes` says whether the call was a write, which decides what the operator is told.
*/
export function connectionFailure(error: unknown, changes: boolean): WriteFailure {
	const message = (error as Error).message;
	if (error instanceof HeldForZookeeper) {
		return {code: 'ZOOKEEPER_UNAVAILABLE', message: `${message}: nothing was sent`, next: 'wait until ZooKeeper has its quorum again (the header shows it), then try again', detail: undefined};
	}

	// Round refuses before sending: a broker missing from the metadata, an operation out of time.
	if (!(error instanceof BrokerFailure)) return noBroker(message, changes);
	const cause = error.cause as Cause;
	if (cause?.name === 'KafkaJSServerDoesNotSupportApiKey' || cause?.name === 'UnsupportedRequest') {
		return {code: 'UNSUPPORTED_VERSION', message, next: 'the cluster\'s Kafka version is too old for this action', detail: undefined};
	}

	// An error code kafkajs' decoder throws on itself (UNSUPPORTED_VERSION in FindCoordinator v0 and v1).
	if (cause?.name === 'KafkaJSProtocolError' && typeof cause.code === 'number') return kafkaFailure(cause.code, {}, message);
	if (cause?.name === 'KafkaJSConnectionError' && !lostOnTheWay.has(String(cause.code))) return noBroker(message, changes);
	return {
		code: 'NO_REPLY',
		message: changes ? `${message}: the change may or may not have been made` : message,
		next: changes ? 'refresh and check the result before trying again' : 'check that the broker is up and not overloaded, then try again',
		detail: undefined,
	};
}

export function noBroker(message: string, changes: boolean): WriteFailure {
	return {
		code: 'NO_BROKER',
		message: changes ? `${message}: nothing was sent` : message,
		next: 'check that the brokers are up and reachable from here (the bootstrap list, the advertised listeners)',
		detail: undefined,
	};
}
