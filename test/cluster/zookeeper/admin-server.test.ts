import {afterEach, describe, expect, it} from 'vitest';
import {fetchAdminCommand} from '../../../source/cluster/zookeeper/admin-server.js';
import {fixture} from '../../helpers/fixture.js';
import {closeFakeServers, fakeAdminServer, freePort} from './fake-servers.js';

afterEach(closeFakeServers);

describe('fetchAdminCommand', () => {
	it('GETs /commands/<name> and returns the body', async () => {
		const body = fixture('admin-server/mntr-leader-8183.json');
		const admin = await fakeAdminServer({mntr: body});
		expect(await fetchAdminCommand('127.0.0.1', admin.port, 'mntr', 2000)).toEqual({ok: true, text: body});
		expect(admin.requests).toEqual(['/commands/mntr']);
	});

	it('returns an unknown command\'s 200 reply as it is, for the parser to read its error', async () => {
		const body = fixture('admin-server/unknown-command.json');
		const admin = await fakeAdminServer({srvr: body});
		expect(await fetchAdminCommand('127.0.0.1', admin.port, 'srvr')).toEqual({ok: true, text: body});
	});

	it('reports an HTTP refusal (ZooKeeper 3.9 asks for auth on some commands) with its status', async () => {
		const admin = await fakeAdminServer({mntr: 403});
		expect(await fetchAdminCommand('127.0.0.1', admin.port, 'mntr')).toEqual({
			ok: false, error: `HTTP 403 from 127.0.0.1:${admin.port}/commands/mntr`,
		});
	});

	it('reports a closed port as refused', async () => {
		const port = await freePort();
		expect(await fetchAdminCommand('127.0.0.1', port, 'mntr')).toEqual({ok: false, error: `connection refused by 127.0.0.1:${port}`});
	});

	it('gives up on a server that never answers, within the time limit', async () => {
		const admin = await fakeAdminServer({mntr: 'hang'});
		const started = performance.now();
		const reply = await fetchAdminCommand('127.0.0.1', admin.port, 'mntr', 300);
		const elapsed = performance.now() - started;
		expect(reply).toEqual({ok: false, error: `no reply from 127.0.0.1:${admin.port}/commands/mntr within 300 ms`});
		expect(elapsed).toBeGreaterThanOrEqual(290);
		expect(elapsed).toBeLessThan(800);
	});
});
