import {parseHostPort} from '../cluster/zookeeper/connect-string.js';

/** `host:port[,…]` as ktop writes broker addresses (default port 9092, IPv6 in brackets); throws on a bad one. */
export function brokerList(text: string): string[] {
	return text.split(',').map(entry => {
		const {host, port} = parseHostPort(entry.trim(), 9092, 'broker');
		return `${host.includes(':') ? `[${host}]` : host}:${port}`;
	});
}

export function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}
