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

/** Which of the two local clusters a node belongs to: the plain one or the secured one. */
export type ClusterKind = 'plain' | 'secure';

type NodeBase = {
	name: string;
	id: number;
	cluster: ClusterKind;
	/** The cluster's state folder: conf/, data/, logs/, run/ below it. */
	home: string;
};

export type ZkNode = NodeBase & {
	kind: 'zookeeper';
	clientPort: number;
	/** Quorum and election ports; undefined for a standalone server (the secure cluster's one). */
	quorumPort: number | undefined;
	electionPort: number | undefined;
	/** ZooKeeper's AdminServer (HTTP); undefined when disabled for this node. */
	adminPort: number | undefined;
	/** `4lw.commands.whitelist`: zk3 keeps ZooKeeper's default so a locked-down server is always exercised. */
	whitelist: string | undefined;
};

/** A member of the plain cluster's ensemble: it always has quorum and election ports. */
export type EnsembleZkNode = ZkNode & {quorumPort: number; electionPort: number};

export type KafkaNode = NodeBase & {
	kind: 'kafka';
	/** The port the harness probes and `status` shows: PLAINTEXT, or the secure cluster's SCRAM listener. */
	port: number;
	rack: string;
	/** The secure cluster's listeners, by name; undefined on the plain cluster (one PLAINTEXT listener). */
	listeners: SecureListeners | undefined;
};

export type SecureListeners = {scram: number; mtls: number; plain: number};

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

export const zkNodes: EnsembleZkNode[] = [1, 2, 3].map(id => ({
	kind: 'zookeeper',
	name: `zk${id}`,
	id,
	cluster: 'plain',
	home,
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
	cluster: 'plain',
	home,
	port: kafkaPorts[id - 1]!,
	rack: `rack-${'abc'[id - 1]}`,
	listeners: undefined,
}));

export const allNodes: ClusterNode[] = [...zkNodes, ...kafkaNodes];

/** KTOP_CLUSTER_ZOOKEEPER_ONLY=1 makes `up` start the ensemble alone. */
export const zookeeperOnly = process.env['KTOP_CLUSTER_ZOOKEEPER_ONLY'] === '1';

export const zookeeperConnect = zkNodes.map(node => `127.0.0.1:${node.clientPort}`).join(',');
export const bootstrapServers = kafkaNodes.map(node => `127.0.0.1:${node.port}`);

/** One local cluster as the harness drives it: its nodes, where its state lives, how to reach it. */
export type ClusterLayout = {
	kind: ClusterKind;
	home: string;
	zkNodes: ZkNode[];
	kafkaNodes: KafkaNode[];
	allNodes: ClusterNode[];
	zookeeperConnect: string;
	/** How `npm run cluster` names this cluster's verbs in hints: "" or " --secure". */
	flag: string;
};

export const plainLayout: ClusterLayout = {
	kind: 'plain', home, zkNodes, kafkaNodes, allNodes, zookeeperConnect, flag: '',
};

/**
The secured cluster (`npm run cluster -- up --secure`): one standalone ZooKeeper that requires
authentication (SASL DIGEST-MD5 for the brokers, any digest for clients) and two brokers with
three listeners each: SCRAM (SASL_SSL, SCRAM-SHA-512), MTLS (SSL with required client
certificates, also the inter-broker listener) and PLAIN (SASL_PLAINTEXT, PLAIN).
*/
const secureHome = path.resolve(process.env['KTOP_SECURE_CLUSTER_DIR'] ?? path.join(repoRoot, '.cluster-secure'));
const securePorts = {
	zookeeper: portsFromEnv('KTOP_SECURE_ZK_PORT', [2191])[0]!,
	zookeeperAdmin: portsFromEnv('KTOP_SECURE_ZK_ADMIN_PORT', [8191])[0]!,
	scram: portsFromEnv('KTOP_SECURE_SCRAM_PORTS', [9192, 9193]),
	mtls: portsFromEnv('KTOP_SECURE_MTLS_PORTS', [9292, 9293]),
	plain: portsFromEnv('KTOP_SECURE_PLAIN_PORTS', [9392, 9393]),
};

const secureZkNodes: ZkNode[] = [{
	kind: 'zookeeper',
	name: 'zk1',
	id: 1,
	cluster: 'secure',
	home: secureHome,
	clientPort: securePorts.zookeeper,
	quorumPort: undefined,
	electionPort: undefined,
	adminPort: securePorts.zookeeperAdmin,
	whitelist: '*',
}];

const secureKafkaNodes: KafkaNode[] = [1, 2].map(id => ({
	kind: 'kafka',
	name: `kafka${id}`,
	id,
	cluster: 'secure',
	home: secureHome,
	port: securePorts.scram[id - 1]!,
	rack: `rack-${'ab'[id - 1]}`,
	listeners: {scram: securePorts.scram[id - 1]!, mtls: securePorts.mtls[id - 1]!, plain: securePorts.plain[id - 1]!},
}));

const tlsDir = path.join(secureHome, 'tls');
const bootstrapOf = (ports: number[]) => ports.map(port => `127.0.0.1:${port}`);

export const secureLayout = {
	kind: 'secure',
	home: secureHome,
	zkNodes: secureZkNodes,
	kafkaNodes: secureKafkaNodes,
	allNodes: [...secureZkNodes, ...secureKafkaNodes],
	zookeeperConnect: `127.0.0.1:${securePorts.zookeeper}`,
	flag: ' --secure',
	ports: securePorts,
	bootstrap: {scram: bootstrapOf(securePorts.scram), mtls: bootstrapOf(securePorts.mtls), plain: bootstrapOf(securePorts.plain)},
	/** Users the SCRAM listener knows (created at start) and the PLAIN listener's (in its JAAS). */
	users: {scram: ['ktop', 'ktop-reader'], plain: ['ktop']},
	/** The user the client files and the harness's probes log in as. */
	clientUser: 'ktop',
	/** Client files written at every `up --secure`; all but ktop.yaml's `local` context carry secrets (mode 0600). */
	files: {
		scramProperties: path.join(secureHome, 'client-scram.properties'),
		mtlsProperties: path.join(secureHome, 'client-mtls.properties'),
		plainProperties: path.join(secureHome, 'client-plain.properties'),
		ktopConfig: path.join(secureHome, 'ktop.yaml'),
		/** The JAAS `Client` section brokers and Kafka's tools use to authenticate to ZooKeeper. */
		zookeeperClientJaas: path.join(secureHome, 'conf', 'zookeeper-client-jaas.conf'),
	},
	/** Made once with openssl and keytool, again only when one is missing. */
	tls: {
		dir: tlsDir,
		ca: path.join(tlsDir, 'ca.pem'),
		caKey: path.join(tlsDir, 'ca.key'),
		truststore: path.join(tlsDir, 'truststore.p12'),
		truststoreJks: path.join(tlsDir, 'truststore.jks'),
		clientKeystore: path.join(tlsDir, 'client.p12'),
		clientCertificate: path.join(tlsDir, 'client.pem'),
		clientKey: path.join(tlsDir, 'client.key'),
		rogueCa: path.join(tlsDir, 'rogue-ca.pem'),
		rogueClientKeystore: path.join(tlsDir, 'rogue-client.p12'),
		rogueClientCertificate: path.join(tlsDir, 'rogue-client.pem'),
		rogueClientKey: path.join(tlsDir, 'rogue-client.key'),
		brokerKeystore: (node: KafkaNode) => path.join(tlsDir, `${node.name}.p12`),
		/** Every password and secret of the secure cluster: see SecurePasswords in secure-secrets.ts. */
		passwords: path.join(tlsDir, 'passwords.json'),
	},
} satisfies ClusterLayout & Record<string, unknown>;

export type SecureLayout = typeof secureLayout;

export function layoutOf(node: ClusterNode): ClusterLayout {
	return node.cluster === 'secure' ? secureLayout : plainLayout;
}

export function findNode(name: string, layout: ClusterLayout = plainLayout): ClusterNode {
	const node = layout.allNodes.find(candidate => candidate.name === name);
	if (!node) throw new UsageError(`unknown node "${name}": expected one of ${layout.allNodes.map(n => n.name).join(', ')}`);
	return node;
}

/** Ports a node binds; all must be free before it starts. */
export function portsOf(node: ClusterNode): number[] {
	if (node.kind === 'kafka') return node.listeners ? [node.listeners.scram, node.listeners.mtls, node.listeners.plain] : [node.port];
	return [node.clientPort, node.quorumPort, node.electionPort, node.adminPort].filter((port): port is number => port !== undefined);
}

export function mainPort(node: ClusterNode): number {
	return node.kind === 'kafka' ? node.port : node.clientPort;
}

export const paths = {
	conf: (node: ClusterNode) => path.join(node.home, 'conf', node.name),
	data: (node: ClusterNode) => path.join(node.home, 'data', node.name),
	logs: (node: ClusterNode) => path.join(node.home, 'logs', node.name),
	/** Where the JVM's stdout/stderr go: start-up failures (bad flags, missing class) land here. */
	console: (node: ClusterNode) => path.join(node.home, 'logs', node.name, 'console.out'),
	mainLog: (node: ClusterNode) => path.join(node.home, 'logs', node.name, node.kind === 'kafka' ? 'server.log' : 'zookeeper.log'),
	pid: (node: ClusterNode) => path.join(node.home, 'run', `${node.name}.pid`),
};

/** A mistake in how the harness was called; printed without a stack. */
export class UsageError extends Error {}

/** A failure the operator can act on; printed without a stack, with the hint. */
export class HarnessError extends Error {
	constructor(message: string, readonly hint?: string) {
		super(message);
	}
}
