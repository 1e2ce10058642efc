import type {BrokerRegistration} from '../types.js';
import type {ZkSession} from './session.js';

/**
Kafka's layout in ZooKeeper (ZooKeeper mode, Kafka 2.x-3.x):
  /cluster/id          {"version":"1","id":"<cluster id>"}
  /controller          {"version":2,"brokerid":1,"timestamp":"<ms>","kraftControllerEpoch":-1}
  /brokers/ids/<id>    {"listener_security_protocol_map":…,"endpoints":[…],"rack":…,"jmx_port":…,"host":…,"timestamp":"<ms>","port":…,"version":5}
*/

export async function readClusterId(session: ZkSession): Promise<string | undefined> {
	const node = await session.getData('/cluster/id');
	if (!node) return undefined;
	const parsed = parseJson(node.data, '/cluster/id') as {id?: unknown};
	return typeof parsed.id === 'string' ? parsed.id : undefined;
}

export async function readControllerId(session: ZkSession): Promise<number | undefined> {
	const node = await session.getData('/controller');
	if (!node) return undefined;
	const parsed = parseJson(node.data, '/controller') as {brokerid?: unknown};
	return typeof parsed.brokerid === 'number' ? parsed.brokerid : undefined;
}

export async function readBrokerRegistrations(session: ZkSession): Promise<BrokerRegistration[]> {
	const ids = await session.getChildren('/brokers/ids');
	const registrations = await Promise.all(ids.map(async id => {
		const node = await session.getData(`/brokers/ids/${id}`);
		// The broker may have left between the listing and the read.
		return node ? parseBrokerRegistration(Number(id), node.data) : undefined;
	}));
	return registrations.filter(registration => registration !== undefined).sort((a, b) => a.id - b.id);
}

export function parseBrokerRegistration(id: number, json: string): BrokerRegistration {
	const raw = parseJson(json, `/brokers/ids/${id}`) as Record<string, unknown>;
	const endpoints = Array.isArray(raw['endpoints']) ? raw['endpoints'].filter((e): e is string => typeof e === 'string') : [];
	const timestamp = Number(raw['timestamp']);
	const jmxPort = Number(raw['jmx_port']);
	const protocolMap = raw['listener_security_protocol_map'];
	const securityProtocols = typeof protocolMap === 'object' && protocolMap !== null
		? Object.fromEntries(Object.entries(protocolMap).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
		: undefined;
	return {
		id,
		endpoints,
		...(securityProtocols === undefined ? {} : {securityProtocols}),
		rack: typeof raw['rack'] === 'string' ? raw['rack'] : undefined,
		registeredAt: Number.isFinite(timestamp) && timestamp > 0 ? timestamp : undefined,
		jmxPort: Number.isInteger(jmxPort) && jmxPort > 0 ? jmxPort : undefined,
		version: typeof raw['version'] === 'number' ? raw['version'] : undefined,
	};
}

function parseJson(text: string, path: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new Error(`${path} does not hold JSON (${text.slice(0, 60)}); is this ZooKeeper used by Kafka?`);
	}
}
