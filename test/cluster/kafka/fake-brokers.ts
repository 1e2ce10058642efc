import net from 'node:net';

/**
Stand-ins for broken brokers, on loopback: a silent one accepts connections and never answers
(what a SIGSTOPped broker looks like from outside), a dead one is a port nobody listens on.
*/
export async function silentBroker(): Promise<{port: number; openSockets: () => number; accepted: () => number; close: () => Promise<void>}> {
	const sockets = new Set<net.Socket>();
	let accepted = 0;
	const server = net.createServer(socket => {
		accepted++;
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.on('close', () => sockets.delete(socket));
		// Read (and ignore) requests, so a client's FIN is seen and the socket closes as a broker's would.
		socket.resume();
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return {
		port: (server.address() as net.AddressInfo).port,
		openSockets: () => sockets.size,
		accepted: () => accepted,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise(resolve => {
				server.close(resolve);
			});
		},
	};
}

export async function deadPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	await new Promise(resolve => {
		server.close(resolve);
	});
	return port;
}
