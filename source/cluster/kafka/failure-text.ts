import {NoReply} from '../with-timeout.js';
import {SecurityFailure} from './security-failure.js';

const socketErrors: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	ETIMEDOUT: 'connect timed out',
	EPIPE: 'connection closed',
};

/**
What went wrong talking to a broker, in an operator's words: "no reply within 2000 ms",
"connection refused". kafkajs wraps socket errors ("Connection error: connect ECONNREFUSED
127.0.0.1:9094") and keeps the errno in `code`.
*/
export function failureText(error: unknown): string {
	if (error instanceof NoReply || error instanceof SecurityFailure) return error.message;
	const {name, code, message} = (error ?? {}) as {name?: string; code?: string; message?: string};
	if (code && socketErrors[code]) return socketErrors[code];
	if (name === 'KafkaJSConnectionError' && message === 'Connection timeout') return 'connect timed out';
	if (name === 'KafkaJSRequestTimeoutError') return 'request timed out';
	if (name === 'KafkaJSConnectionClosedError') return 'connection closed';
	return message ?? String(error);
}
