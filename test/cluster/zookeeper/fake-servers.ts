import http from 'node:http';
import net from 'node:net';

/** Every server and socket a test opened, so afterEach can close them all. */
const servers: Array<net.Server | http.Server> = [];
const sockets = new Set<net.Socket>();

export async function closeFakeServers(): Promise<void> {
	for (const socket of sockets) socket.destroy();
	sockets.clear();
	await Promise.all(servers.splice(0).map(async server => new Promise(resolve => {
		server.close(resolve);
	})));
}

/** 'hang' accepts the word and never answers, as a SIGSTOPped server does. */
export type FourLetterAnswers = Partial<Record<string, string | 'hang'>>;

/**
A stand-in ZooKeeper client port on 127.0.0.1: answers each four-letter word from `answers`
and closes, as ZooKeeper does; a word it has no answer for gets an empty reply.
*/
export async function fakeFourLetterServer(answers: FourLetterAnswers): Promise<number> {
	const server = net.createServer({allowHalfOpen: true}, socket => {
		sockets.add(socket);
		const chunks: Buffer[] = [];
		socket.on('error', () => undefined);
		socket.on('data', chunk => chunks.push(chunk));
		socket.on('end', () => {
			const answer = answers[Buffer.concat(chunks).toString('utf8')];
			if (answer !== 'hang') socket.end(answer ?? '');
		});
	});
	return listen(server);
}

/** 'hang' never answers; a number answers with that HTTP status and no body. */
export type AdminAnswers = Partial<Record<string, string | number | 'hang'>>;

/** A stand-in AdminServer: `GET /commands/<name>` answered from `answers` by name. */
export async function fakeAdminServer(answers: AdminAnswers): Promise<{port: number; requests: string[]}> {
	const requests: string[] = [];
	const server = http.createServer((request, response) => {
		requests.push(request.url ?? '');
		const answer = answers[(request.url ?? '').replace('/commands/', '')];
		if (answer === 'hang') return;
		if (typeof answer === 'number') {
			response.writeHead(answer).end();
			return;
		}

		response.writeHead(200, {'content-type': 'application/json'}).end(answer ?? '{"command":"?","error":"Unknown command"}');
	});
	server.on('connection', socket => sockets.add(socket));
	return {port: await listen(server), requests};
}

/** A port nothing listens on: bound once, then released. */
export async function freePort(): Promise<number> {
	const server = net.createServer();
	const port = await new Promise<number>(resolve => {
		server.listen(0, '127.0.0.1', () => {
			resolve((server.address() as net.AddressInfo).port);
		});
	});
	await new Promise(resolve => {
		server.close(resolve);
	});
	return port;
}

async function listen(server: net.Server | http.Server): Promise<number> {
	servers.push(server);
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return (server.address() as net.AddressInfo).port;
}
