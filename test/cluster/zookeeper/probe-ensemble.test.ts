import {afterEach, describe, expect, it} from 'vitest';
import {ensembleTargets, formatAddress, probeEnsemble} from '../../../source/cluster/zookeeper/probe-ensemble.js';
import {fixture} from '../../helpers/fixture.js';
import {closeFakeServers, fakeAdminServer, fakeFourLetterServer, freePort} from './fake-servers.js';

afterEach(closeFakeServers);

const recordedConfig = fixture('znodes/zookeeper-config.txt');

describe('ensembleTargets', () => {
	it('matches the connect string\'s servers to the recorded /zookeeper/config', () => {
		expect(ensembleTargets('127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183', recordedConfig)).toEqual([1, 2, 3].map(id => ({
			host: '127.0.0.1', port: 2180 + id, address: `127.0.0.1:${2180 + id}`, id, role: 'participant', inConnectString: true,
		})));
	});

	it('adds members only the config names, after the connect string\'s', () => {
		const targets = ensembleTargets('127.0.0.1:2182/kafka', `${recordedConfig}\nserver.4=10.0.0.4:2888:3888:observer;10.0.0.4:2181`);
		expect(targets.map(target => [target.address, target.id, target.role, target.inConnectString])).toEqual([
			['127.0.0.1:2182', 2, 'participant', true],
			['127.0.0.1:2181', 1, 'participant', false],
			['127.0.0.1:2183', 3, 'participant', false],
			['10.0.0.4:2181', 4, 'observer', false],
		]);
	});

	it('keeps servers the config does not know, without an id', () => {
		expect(ensembleTargets('zk9:2181', recordedConfig)[0]).toEqual({
			host: 'zk9', port: 2181, address: 'zk9:2181', id: undefined, role: undefined, inConnectString: true,
		});
	});

	it('uses the connect string alone when no config was read', () => {
		expect(ensembleTargets('a:1,b:2', undefined).map(target => target.address)).toEqual(['a:1', 'b:2']);
	});

	it('writes IPv6 addresses in brackets', () => {
		expect(formatAddress({host: '::1', port: 2181})).toBe('[::1]:2181');
	});
});

describe('probeEnsemble', () => {
	const srvrFollower = fixture('4lw/srvr-follower-2181.txt');
	const srvrLeader = fixture('4lw/srvr-leader-2183.txt');
	const mntr = fixture('4lw/mntr-follower-2181.txt');
	const refused = fixture('4lw/mntr-not-whitelisted.txt');

	it('reads srvr and mntr from a server that allows both', async () => {
		const port = await fakeFourLetterServer({srvr: srvrFollower, mntr});
		const [server] = await probeEnsemble(`127.0.0.1:${port}`, undefined);
		expect(server!.probe).toMatchObject({state: 'serving', stats: {mode: 'follower'}});
		expect(server!.monitorSource).toBe('4lw');
		expect(server!.monitor?.watchCount).toBe(22);
		expect(server!.limits).toEqual([]);
	});

	it('says plainly that mntr is not whitelisted, and shows no monitor stats', async () => {
		const port = await fakeFourLetterServer({srvr: srvrLeader, mntr: refused});
		const [server] = await probeEnsemble(`127.0.0.1:${port}`, undefined);
		expect(server!.probe).toMatchObject({state: 'serving', stats: {mode: 'leader'}});
		expect(server!.monitor).toBeUndefined();
		expect(server!.monitorSource).toBeUndefined();
		expect(server!.limits).toEqual(['mntr not whitelisted']);
	});

	it('falls back to the AdminServer for mntr where an admin port is given', async () => {
		const port = await fakeFourLetterServer({srvr: srvrLeader, mntr: refused});
		const admin = await fakeAdminServer({mntr: fixture('admin-server/mntr-leader-8183.json')});
		const [server] = await probeEnsemble(`127.0.0.1:${port}`, undefined, {adminPorts: {[`127.0.0.1:${port}`]: admin.port}});
		expect(server!.monitorSource).toBe('admin-server');
		expect(server!.monitor?.syncedFollowers).toBe(2);
		expect(server!.limits).toEqual(['mntr not whitelisted']);
		expect(admin.requests).toEqual(['/commands/mntr']);
	});

	it('asks the AdminServer nothing when the four-letter words sufficed', async () => {
		const port = await fakeFourLetterServer({srvr: srvrFollower, mntr});
		const admin = await fakeAdminServer({});
		await probeEnsemble(`127.0.0.1:${port}`, undefined, {adminPorts: {[`127.0.0.1:${port}`]: admin.port}});
		expect(admin.requests).toEqual([]);
	});

	it('tries the default admin port only when given one', async () => {
		const port = await fakeFourLetterServer({srvr: srvrLeader, mntr: refused});
		const admin = await fakeAdminServer({mntr: fixture('admin-server/mntr-leader-8183.json')});
		const [without] = await probeEnsemble(`127.0.0.1:${port}`, undefined);
		expect(without!.monitor).toBeUndefined();
		expect(admin.requests).toEqual([]);
		const [withDefault] = await probeEnsemble(`127.0.0.1:${port}`, undefined, {defaultAdminPort: admin.port});
		expect(withDefault!.monitorSource).toBe('admin-server');
	});

	it('says when the AdminServer cannot be reached', async () => {
		const port = await fakeFourLetterServer({srvr: srvrLeader, mntr: refused});
		const adminPort = await freePort();
		const [server] = await probeEnsemble(`127.0.0.1:${port}`, undefined, {adminPorts: {[`127.0.0.1:${port}`]: adminPort}});
		expect(server!.monitor).toBeUndefined();
		expect(server!.limits).toEqual(['mntr not whitelisted', `AdminServer unreachable: connection refused by 127.0.0.1:${adminPort}`]);
	});

	it('passes on the AdminServer\'s own refusal', async () => {
		const port = await fakeFourLetterServer({srvr: srvrLeader, mntr: refused});
		const admin = await fakeAdminServer({mntr: '{"command":"monitor","error":"Auth failed"}'});
		const [server] = await probeEnsemble(`127.0.0.1:${port}`, undefined, {adminPorts: {[`127.0.0.1:${port}`]: admin.port}});
		expect(server!.limits).toEqual(['mntr not whitelisted', 'AdminServer refused mntr: Auth failed']);
	});

	it('reads srvr from the AdminServer when even srvr is not whitelisted', async () => {
		const port = await fakeFourLetterServer({
			srvr: 'srvr is not executed because it is not in the whitelist.\n',
			mntr: refused,
		});
		const admin = await fakeAdminServer({
			srvr: fixture('admin-server/srvr-leader-8183.json'),
			mntr: fixture('admin-server/mntr-leader-8183.json'),
		});
		const [bare] = await probeEnsemble(`127.0.0.1:${port}`, undefined);
		expect(bare!.probe.state).toBe('srvr-refused');
		expect(bare!.limits).toEqual(['srvr not whitelisted', 'mntr not whitelisted']);

		const [server] = await probeEnsemble(`127.0.0.1:${port}`, undefined, {adminPorts: {[`127.0.0.1:${port}`]: admin.port}});
		expect(server!.probe).toMatchObject({state: 'serving', stats: {mode: 'leader', zxid: 0x4_0000_0132n}});
		expect(server!.monitorSource).toBe('admin-server');
		expect(server!.limits).toEqual(['srvr not whitelisted', 'mntr not whitelisted']);
		expect(admin.requests.sort()).toEqual(['/commands/mntr', '/commands/srvr']);
	});

	it('reports a server outside a quorum as not serving, without monitor stats or limits', async () => {
		const notServing = fixture('4lw/srvr-not-serving.txt');
		const port = await fakeFourLetterServer({srvr: notServing, mntr: notServing});
		const [server] = await probeEnsemble(`127.0.0.1:${port}`, undefined);
		expect(server!.probe).toEqual({host: '127.0.0.1', port, state: 'not-serving'});
		expect([server!.monitor, server!.limits]).toEqual([undefined, []]);
	});

	it('reports a hung server as unreachable within the time limit, while the others answer', async () => {
		const hung = await fakeFourLetterServer({srvr: 'hang', mntr: 'hang'});
		const healthy = await fakeFourLetterServer({srvr: srvrFollower, mntr});
		const down = await freePort();
		const started = performance.now();
		const servers = await probeEnsemble(`127.0.0.1:${hung},127.0.0.1:${healthy},127.0.0.1:${down}`, undefined, {timeoutMs: 300});
		const elapsed = performance.now() - started;
		expect(elapsed).toBeLessThan(800);
		expect(servers.map(server => server.probe)).toEqual([
			{host: '127.0.0.1', port: hung, state: 'unreachable', error: 'no reply to srvr within 300 ms'},
			expect.objectContaining({state: 'serving'}),
			{host: '127.0.0.1', port: down, state: 'unreachable', error: `connection refused by 127.0.0.1:${down}`},
		]);
		expect(servers[0]!.limits).toEqual([]);
	});

	it('says so when mntr alone fails on a server that answered srvr', async () => {
		const port = await fakeFourLetterServer({srvr: srvrFollower, mntr: 'hang'});
		const [server] = await probeEnsemble(`127.0.0.1:${port}`, undefined, {timeoutMs: 200});
		expect(server!.probe.state).toBe('serving');
		expect(server!.limits).toEqual(['mntr failed: no reply to mntr within 200 ms']);
	});

	it('probes members found only in the ensemble config', async () => {
		const listed = await fakeFourLetterServer({srvr: srvrFollower, mntr});
		const hidden = await fakeFourLetterServer({srvr: srvrLeader, mntr: refused});
		const config = `server.1=127.0.0.1:2888:3888:participant;127.0.0.1:${listed}\nserver.2=127.0.0.1:2889:3889:participant;127.0.0.1:${hidden}`;
		const servers = await probeEnsemble(`127.0.0.1:${listed}`, config);
		expect(servers.map(server => [server.id, server.inConnectString, server.probe.state === 'serving' && server.probe.stats.mode])).toEqual([
			[1, true, 'follower'],
			[2, false, 'leader'],
		]);
	});
});
