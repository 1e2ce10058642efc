import net from 'node:net';

export type FourLetterWord = 'srvr' | 'mntr' | 'conf' | 'cons' | 'ruok' | 'stat' | 'envi' | 'wchs' | 'isro';

export type FourLetterReply =
	| {ok: true; text: string}
	| {ok: false; error: string};

/**
Sends a four-letter word to a ZooKeeper server over plain TCP and collects the reply.

The server answers and then closes the socket, so the reply is complete at `end`.
Never throws: an unreachable or hung server (SIGSTOPped, overloaded) becomes an error reply,
because callers render it as a server state rather than a failure of ktop.
*/
export async function sendFourLetterWord(
	host: string,
	port: number,
	word: FourLetterWord,
	timeoutMs = 2000,
): Promise<FourLetterReply> {
	if (!Number.isInteger(port) || port < 1 || port > 65_535) {
		return {ok: false, error: `invalid port ${port} for ${host}`};
	}

	return new Promise(resolve => {
		const chunks: Buffer[] = [];
		let settled = false;
		const finish = (reply: FourLetterReply) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			socket.destroy();
			resolve(reply);
		};

		const socket = net.createConnection({host, port});
		const timer = setTimeout(() => {
			finish({ok: false, error: `no reply to ${word} within ${timeoutMs} ms`});
		}, timeoutMs);

		socket.on('connect', () => socket.end(word));
		socket.on('data', chunk => chunks.push(chunk));
		socket.on('end', () => finish({ok: true, text: Buffer.concat(chunks).toString('utf8')}));
		socket.on('error', (error: NodeJS.ErrnoException) => {
			finish({ok: false, error: describeSocketError(error, host, port)});
		});
	});
}

function describeSocketError(error: NodeJS.ErrnoException, host: string, port: number): string {
	switch (error.code) {
		case 'ECONNREFUSED': return `connection refused by ${host}:${port}`;
		case 'ECONNRESET': return `connection reset by ${host}:${port}`;
		case 'EHOSTUNREACH': return `host ${host} unreachable`;
		case 'ENOTFOUND': return `unknown host ${host}`;
		default: return `${host}:${port}: ${error.message}`;
	}
}

/** The reply a server gives to a word outside `4lw.commands.whitelist`. */
export function isNotWhitelisted(text: string): boolean {
	return /is not executed because it is not in the whitelist/.test(text);
}
