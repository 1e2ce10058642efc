import net from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {isNotWhitelisted, sendFourLetterWord} from '../../../source/cluster/zookeeper/four-letter-word.js';
import {fixture} from '../../helpers/fixture.js';

type FakeServer = {port: number; received: Promise<string>};

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

afterEach(async () => {
	for (const socket of sockets) socket.destroy();
	sockets.clear();
	await Promise.all(servers.splice(0).map(async server => new Promise(resolve => {
		server.close(resolve);
	})));
});

/**
A stand-in ZooKeeper on 127.0.0.1: collects what the client sends until the client half-closes,
then lets `answer` respond. `received` is everything the first connection sent.
Half-open like ZooKeeper, which keeps writing after the client's FIN (netcat sends one at once).
*/
async function fakeServer(answer: (socket: net.Socket) => void): Promise<FakeServer> {
	let resolveReceived: (text: string) => void = () => undefined;
	const received = new Promise<string>(resolve => {
		resolveReceived = resolve;
	});
	const server = net.createServer({allowHalfOpen: true}, socket => {
		sockets.add(socket);
		const chunks: Buffer[] = [];
		socket.on('data', chunk => chunks.push(chunk));
		socket.on('error', () => undefined);
		socket.on('end', () => {
			resolveReceived(Buffer.concat(chunks).toString('utf8'));
			answer(socket);
		});
	});
	servers.push(server);
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return {port: (server.address() as net.AddressInfo).port, received};
}

/** A port nothing listens on: bound once by us, then released. */
async function freePort(): Promise<number> {
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

describe('sendFourLetterWord', () => {
	it('sends exactly the word and returns the whole reply', async () => {
		const reply = fixture('4lw/srvr-leader-2183.txt');
		const server = await fakeServer(socket => socket.end(reply));
		const result = await sendFourLetterWord('127.0.0.1', server.port, 'srvr', 2000);
		expect(await server.received).toBe('srvr');
		expect(result).toEqual({ok: true, text: reply});
	});

	it('sends the word it is given, not always srvr', async () => {
		const server = await fakeServer(socket => socket.end('imok'));
		const result = await sendFourLetterWord('127.0.0.1', server.port, 'ruok', 2000);
		expect(await server.received).toBe('ruok');
		expect(result).toEqual({ok: true, text: 'imok'});
	});

	it('joins a reply that arrives in pieces, even one splitting a UTF-8 character', async () => {
		const rocket = Buffer.from('🚀', 'utf8');
		const server = await fakeServer(socket => {
			socket.write(Buffer.concat([Buffer.from('zk_version\t'), rocket.subarray(0, 2)]));
			setTimeout(() => {
				socket.end(Buffer.concat([rocket.subarray(2), Buffer.from('\n')]));
			}, 30);
		});
		const result = await sendFourLetterWord('127.0.0.1', server.port, 'mntr', 2000);
		expect(result).toEqual({ok: true, text: 'zk_version\t🚀\n'});
	});

	it('returns a large reply complete', async () => {
		const big = 'zk_watch\t/x\n'.repeat(50_000);
		const server = await fakeServer(socket => socket.end(big));
		const result = await sendFourLetterWord('127.0.0.1', server.port, 'wchs', 2000);
		expect(result.ok && result.text.length).toBe(big.length);
	});

	it('returns an empty reply as ok with empty text', async () => {
		const server = await fakeServer(socket => socket.end());
		expect(await sendFourLetterWord('127.0.0.1', server.port, 'isro', 2000)).toEqual({ok: true, text: ''});
	});

	it('reports a refused connection as an error reply naming the address', async () => {
		const port = await freePort();
		const result = await sendFourLetterWord('127.0.0.1', port, 'srvr', 2000);
		expect(result).toEqual({ok: false, error: `connection refused by 127.0.0.1:${port}`});
	});

	it('gives up on a server that accepts but never answers, within the timeout', async () => {
		const server = await fakeServer(() => undefined);
		const started = performance.now();
		const result = await sendFourLetterWord('127.0.0.1', server.port, 'srvr', 400);
		const elapsed = performance.now() - started;
		expect(await server.received).toBe('srvr');
		expect(result).toEqual({ok: false, error: 'no reply to srvr within 400 ms'});
		expect(elapsed).toBeGreaterThanOrEqual(390);
		expect(elapsed).toBeLessThan(700);
	});

	it('discards a partial reply when the server then hangs', async () => {
		const server = await fakeServer(socket => socket.write('Zookeeper version: 3.8.4\n'));
		const result = await sendFourLetterWord('127.0.0.1', server.port, 'srvr', 200);
		expect(result).toEqual({ok: false, error: 'no reply to srvr within 200 ms'});
	});

	it('reports a reset connection as an error reply', async () => {
		const server = await fakeServer(socket => socket.resetAndDestroy());
		const result = await sendFourLetterWord('127.0.0.1', server.port, 'srvr', 2000);
		expect(result).toEqual({ok: false, error: `connection reset by 127.0.0.1:${server.port}`});
	});
});

describe('isNotWhitelisted', () => {
	it('recognises ZooKeeper\'s refusal of a word outside the whitelist', () => {
		expect(isNotWhitelisted(fixture('4lw/mntr-not-whitelisted.txt'))).toBe(true);
		expect(isNotWhitelisted('srvr is not executed because it is not in the whitelist.\n')).toBe(true);
	});

	it('does not flag real replies', () => {
		expect(isNotWhitelisted(fixture('4lw/mntr-follower.txt'))).toBe(false);
		expect(isNotWhitelisted(fixture('4lw/srvr-leader-2183.txt'))).toBe(false);
		expect(isNotWhitelisted(fixture('4lw/srvr-not-serving.txt'))).toBe(false);
		expect(isNotWhitelisted('')).toBe(false);
	});
});
