import http from 'node:http';

export type AdminCommand = 'mntr' | 'srvr' | 'ruok';

export type AdminReply =
	| {ok: true; text: string}
	| {ok: false; error: string};

/**
GETs `http://host:port/commands/<command>` from ZooKeeper's AdminServer (3.5+), the fallback
where `4lw.commands.whitelist` refuses a word. The AdminServer's port (admin.serverPort,
8080 by default) cannot be learnt from the client port, so the caller names it.

Never throws, and gives up after `timeoutMs` in all: a hung server holds the socket open
without answering, and an idle-socket timeout alone would not end a slow trickle.
*/
export async function fetchAdminCommand(host: string, port: number, command: AdminCommand, timeoutMs = 2000): Promise<AdminReply> {
	return new Promise(resolve => {
		let settled = false;
		const finish = (reply: AdminReply) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			request.destroy();
			resolve(reply);
		};

		const request = http.get({host, port, path: `/commands/${command}`, headers: {accept: 'application/json'}, agent: false}, response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', error => finish({ok: false, error: error.message}));
			response.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				// Unknown commands come back 200 with an "error" field; a refusal (3.9 auth) as 401/403.
				if (response.statusCode !== 200) {
					finish({ok: false, error: `HTTP ${response.statusCode ?? '?'} from ${host}:${port}/commands/${command}`});
				} else {
					finish({ok: true, text});
				}
			});
		});
		const timer = setTimeout(() => {
			finish({ok: false, error: `no reply from ${host}:${port}/commands/${command} within ${timeoutMs} ms`});
		}, timeoutMs);
		request.on('error', (error: NodeJS.ErrnoException) => {
			finish({ok: false, error: error.code === 'ECONNREFUSED' ? `connection refused by ${host}:${port}` : `${host}:${port}: ${error.message}`});
		});
	});
}
