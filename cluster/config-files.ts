import fs from 'node:fs';
import path from 'node:path';
import {
	type ClusterNode, type KafkaNode, type ZkNode, layoutOf, paths, zkNodes,
} from './layout.js';
import {readSecurePasswords, type SecurePasswords, writePrivateFile} from './secure-secrets.js';
import type {ClusterVersion} from './versions.js';
import {
	jaasPath, secureBrokerLines, secureZooLines, zookeeperClientJaas, zookeeperServerJaas,
} from './secure-server-config.js';

/** Writes the node's configuration files afresh; returns the main config's path. */
export function writeConfig(node: ClusterNode, version: ClusterVersion): string {
	const dir = paths.conf(node);
	fs.mkdirSync(dir, {recursive: true});
	fs.mkdirSync(paths.data(node), {recursive: true});
	fs.mkdirSync(paths.logs(node), {recursive: true});
	fs.writeFileSync(path.join(dir, 'log4j.properties'), log4jProperties(node));
	// The secure cluster's configs hold passwords: readable by their owner only.
	const passwords = node.cluster === 'secure' ? readSecurePasswords() : undefined;
	const write = passwords ? writePrivateFile : (file: string, text: string) => fs.writeFileSync(file, text);
	if (passwords) write(jaasPath(node), node.kind === 'zookeeper' ? zookeeperServerJaas(passwords) : zookeeperClientJaas(passwords));

	if (node.kind === 'zookeeper') {
		fs.writeFileSync(path.join(paths.data(node), 'myid'), `${node.id}\n`);
		const file = path.join(dir, 'zoo.cfg');
		write(file, zooCfg(node, version));
		return file;
	}

	const file = path.join(dir, 'server.properties');
	write(file, serverProperties(node, passwords));
	return file;
}

export function log4jConfigPath(node: ClusterNode): string {
	return path.join(paths.conf(node), 'log4j.properties');
}

function zooCfg(node: ZkNode, version: ClusterVersion): string {
	return [
		'# written by `npm run cluster`; regenerated on every start',
		// Small ticks make leader election and session expiry quick, so fault tests finish in seconds.
		'tickTime=500',
		'initLimit=20',
		'syncLimit=10',
		`dataDir=${paths.data(node)}`,
		'maxClientCnxns=0',
		'autopurge.purgeInterval=1',
		'autopurge.snapRetainCount=3',
		...(node.cluster === 'secure' ? standaloneLines(node) : [...serverLines(node, version), 'standaloneEnabled=false', 'reconfigEnabled=false']),
		...(node.whitelist ? [`4lw.commands.whitelist=${node.whitelist}`] : []),
		...(node.adminPort
			? ['admin.enableServer=true', 'admin.serverAddress=127.0.0.1', `admin.serverPort=${node.adminPort}`]
			: ['admin.enableServer=false']),
		'',
	].join('\n');
}

/** The secure cluster's single server: standalone, and every session must authenticate. */
function standaloneLines(node: ZkNode): string[] {
	return [`clientPort=${node.clientPort}`, 'clientPortAddress=127.0.0.1', ...secureZooLines()];
}

/**
Client addresses on the server lines make them visible in /zookeeper/config; the classic form
(`--zk-config classic`, KTOP_ZK_CLASSIC_CONFIG=1, always on 3.4) leaves them out and gives the
client port apart, as 3.4 requires.
*/
function serverLines(node: ZkNode, version: ClusterVersion): string[] {
	if (version.zkConfig === 'classic') {
		return [
			`clientPort=${node.clientPort}`,
			'clientPortAddress=127.0.0.1',
			...zkNodes.map(peer => `server.${peer.id}=127.0.0.1:${peer.quorumPort}:${peer.electionPort}`),
		];
	}

	return zkNodes.map(peer => `server.${peer.id}=127.0.0.1:${peer.quorumPort}:${peer.electionPort};127.0.0.1:${peer.clientPort}`);
}

function serverProperties(node: KafkaNode, passwords: SecurePasswords | undefined): string {
	const layout = layoutOf(node);
	// Every replica on every broker: 3 on the plain cluster, 2 on the secure one.
	const replicas = layout.kafkaNodes.length;
	return [
		'# written by `npm run cluster`; regenerated on every start',
		`broker.id=${node.id}`,
		`broker.rack=${node.rack}`,
		...(passwords ? secureBrokerLines(node, passwords) : [
			`listeners=PLAINTEXT://127.0.0.1:${node.port}`,
			`advertised.listeners=PLAINTEXT://127.0.0.1:${node.port}`,
		]),
		`log.dirs=${paths.data(node)}`,
		`zookeeper.connect=${layout.zookeeperConnect}`,
		// Short enough that a killed broker leaves /brokers/ids (and the ISR) within seconds.
		'zookeeper.session.timeout.ms=6000',
		'zookeeper.connection.timeout.ms=10000',
		'num.partitions=3',
		`default.replication.factor=${replicas}`,
		'min.insync.replicas=1',
		`offsets.topic.replication.factor=${replicas}`,
		'offsets.topic.num.partitions=12',
		`transaction.state.log.replication.factor=${replicas}`,
		'transaction.state.log.min.isr=2',
		'transaction.state.log.num.partitions=6',
		'group.initial.rebalance.delay.ms=0',
		'auto.create.topics.enable=false',
		'delete.topic.enable=true',
		'replica.lag.time.max.ms=10000',
		'controlled.shutdown.max.retries=1',
		'controlled.shutdown.retry.backoff.ms=1000',
		// Two cores for six JVMs: keep the thread pools small.
		'num.network.threads=2',
		'num.io.threads=2',
		'num.replica.fetchers=1',
		'background.threads=2',
		'num.recovery.threads.per.data.dir=1',
		'log.segment.bytes=67108864',
		// The default 128 MB does not fit a small heap: Kafka 3.3 exits at start-up without this.
		'log.cleaner.dedupe.buffer.size=16777216',
		'',
	].join('\n');
}

/** All logging to files under the node's log folder; nothing to the terminal. */
function log4jProperties(node: ClusterNode): string {
	const file = paths.mainLog(node);
	return [
		'log4j.rootLogger=INFO, file',
		'log4j.appender.file=org.apache.log4j.RollingFileAppender',
		`log4j.appender.file.File=${file}`,
		'log4j.appender.file.MaxFileSize=20MB',
		'log4j.appender.file.MaxBackupIndex=2',
		'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
		'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
		'log4j.logger.kafka.request.logger=WARN',
		'log4j.logger.state.change.logger=INFO',
		'log4j.logger.org.apache.zookeeper=INFO',
		'',
	].join('\n');
}
