import path from 'node:path';
import {fileURLToPath} from 'node:url';

/**
Where every piece of the local cluster lives: node names, ports and paths.
Ports come from the environment so a second checkout (or a busy machine) can move them.
*/

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const home = path.resolve(process.env['KTOP_CLUSTER_DIR'] ?? path.join(repoRoot, '.cluster'));
/** The jar cache can live apart from the cluster's state, so a scratch cluster reuses the fetched jars. */
export const libDir = path.resolve(process.env['KTOP_CLUSTER_LIB'] ?? path.join(home, 'lib'));
export const pomFile = path.join(repoRoot, 'cluster', 'pom.xml');

export type ZkNode = {
	kind: 'zookeeper';
	name: string;
	id: number;
	clientPort: number;
	quorumPort: number;
	electionPort: number;
	/** ZooKeeper's AdminServer (HTTP); undefined when disabled for this node. */
	adminPort: number | undefined;
	/** `4lw.commands.whitelist`: zk3 keeps ZooKeeper's default so a locked-down server is always exercised. */
	whitelist: string | undefined;
};

export type KafkaNode = {
	kind: 'kafka';
	name: string;
	id: number;
	port: number;
	rack: string;
};

export type ClusterNode = ZkNode | KafkaNode;

export function portsFromEnv(variable: string, defaults: number[]): number[] {
	const raw = process.env[variable];
	if (!raw) return defaults;
	const ports = raw.split(',').map(part => (/^\d+$/.test(part.trim()) ? Number(part.trim()) : Number.NaN));
	if (ports.length !== defaults.length || ports.some(port => !Number.isInteger(port) || port < 1 || port > 65_535)) {
		throw new Error(`${variable}=${raw}: expected ${defaults.length} comma-separated ports, e.g. ${defaults.join(',')}`);
	}

	return ports;
}

const zkClientPorts = portsFromEnv('KTOP_ZK_PORTS', [2181, 2182, 2183]);
const zkQuorumPorts = portsFromEnv('KTOP_ZK_QUORUM_PORTS', [2888, 2889, 2890]);
const zkElectionPorts = portsFromEnv('KTOP_ZK_ELECTION_PORTS', [3888, 3889, 3890]);
const zk3AdminPort = portsFromEnv('KTOP_ZK_ADMIN_PORT', [8183])[0]!;
const kafkaPorts = portsFromEnv('KTOP_KAFKA_PORTS', [9092, 9093, 9094]);

export const zkNodes: ZkNode[] = [1, 2, 3].map(id => ({
	kind: 'zookeeper',
	name: `zk${id}`,
	id,
	clientPort: zkClientPorts[id - 1]!,
	quorumPort: zkQuorumPorts[id - 1]!,
	electionPort: zkElectionPorts[id - 1]!,
	adminPort: id === 3 ? zk3AdminPort : undefined,
	whitelist: id === 3 ? undefined : '*',
}));

export const kafkaNodes: KafkaNode[] = [1, 2, 3].map(id => ({
	kind: 'kafka',
	name: `kafka${id}`,
	id,
	port: kafkaPorts[id - 1]!,
	rack: `rack-${'abc'[id - 1]}`,
}));

export const allNodes: ClusterNode[] = [...zkNodes, ...kafkaNodes];

/**
KTOP_ZK_CLASSIC_CONFIG=1 writes zoo.cfg as most deployments (and every ZooKeeper 3.4) do:
`server.N=host:quorum:election` with `clientPort=`, so the server lines (and /zookeeper/config)
carry no client address. KTOP_CLUSTER_ZOOKEEPER_ONLY=1 makes `up` start the ensemble alone.
*/
export const zkClassicConfig = process.env['KTOP_ZK_CLASSIC_CONFIG'] === '1';
export const zookeeperOnly = process.env['KTOP_CLUSTER_ZOOKEEPER_ONLY'] === '1';

export const zookeeperConnect = zkNodes.map(node => `127.0.0.1:${node.clientPort}`).join(',');
export const bootstrapServers = kafkaNodes.map(node => `127.0.0.1:${node.port}`);

export function findNode(name: string): ClusterNode {
	const node = allNodes.find(candidate => candidate.name === name);
	if (!node) throw new UsageError(`unknown node "${name}": expected one of ${allNodes.map(n => n.name).join(', ')}`);
	return node;
}

/** Ports a node binds; all must be free before it starts. */
export function portsOf(node: ClusterNode): number[] {
	if (node.kind === 'kafka') return [node.port];
	return [node.clientPort, node.quorumPort, node.electionPort, ...(node.adminPort ? [node.adminPort] : [])];
}

export function mainPort(node: ClusterNode): number {
	return node.kind === 'kafka' ? node.port : node.clientPort;
}

export const paths = {
	conf: (node: ClusterNode) => path.join(home, 'conf', node.name),
	data: (node: ClusterNode) => path.join(home, 'data', node.name),
	logs: (node: ClusterNode) => path.join(home, 'logs', node.name),
	/** Where the JVM's stdout/stderr go: start-up failures (bad flags, missing class) land here. */
	console: (node: ClusterNode) => path.join(home, 'logs', node.name, 'console.out'),
	mainLog: (node: ClusterNode) => path.join(home, 'logs', node.name, node.kind === 'kafka' ? 'server.log' : 'zookeeper.log'),
	pid: (node: ClusterNode) => path.join(home, 'run', `${node.name}.pid`),
};

/** A mistake in how the harness was called; printed without a stack. */
export class UsageError extends Error {}

/** A failure the operator can act on; printed without a stack, with the hint. */
export class HarnessError extends Error {
	constructor(message: string, readonly hint?: string) {
		super(message);
	}
}
