import fs from 'node:fs';
import path from 'node:path';
import {
	type ClusterNode, type KafkaNode, type ZkNode, paths, zkClassicConfig, zkNodes, zookeeperConnect,
} from './layout.js';

/** Writes the node's configuration files afresh; returns the main config's path. */
export function writeConfig(node: ClusterNode): string {
	const dir = paths.conf(node);
	fs.mkdirSync(dir, {recursive: true});
	fs.mkdirSync(paths.data(node), {recursive: true});
	fs.mkdirSync(paths.logs(node), {recursive: true});
	fs.writeFileSync(path.join(dir, 'log4j.properties'), log4jProperties(node));

	if (node.kind === 'zookeeper') {
		fs.writeFileSync(path.join(paths.data(node), 'myid'), `${node.id}\n`);
		const file = path.join(dir, 'zoo.cfg');
		fs.writeFileSync(file, zooCfg(node));
		return file;
	}

	const file = path.join(dir, 'server.properties');
	fs.writeFileSync(file, serverProperties(node));
	return file;
}

export function log4jConfigPath(node: ClusterNode): string {
	return path.join(paths.conf(node), 'log4j.properties');
}

function zooCfg(node: ZkNode): string {
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
		...serverLines(node),
		'standaloneEnabled=false',
		'reconfigEnabled=false',
		...(node.whitelist ? [`4lw.commands.whitelist=${node.whitelist}`] : []),
		...(node.adminPort
			? ['admin.enableServer=true', 'admin.serverAddress=127.0.0.1', `admin.serverPort=${node.adminPort}`]
			: ['admin.enableServer=false']),
		'',
	].join('\n');
}

/**
Client addresses on the server lines make them visible in /zookeeper/config; the classic form
(KTOP_ZK_CLASSIC_CONFIG=1) leaves them out and gives the client port apart, as 3.4 requires.
*/
function serverLines(node: ZkNode): string[] {
	if (zkClassicConfig) {
		return [
			`clientPort=${node.clientPort}`,
			'clientPortAddress=127.0.0.1',
			...zkNodes.map(peer => `server.${peer.id}=127.0.0.1:${peer.quorumPort}:${peer.electionPort}`),
		];
	}

	return zkNodes.map(peer => `server.${peer.id}=127.0.0.1:${peer.quorumPort}:${peer.electionPort};127.0.0.1:${peer.clientPort}`);
}

function serverProperties(node: KafkaNode): string {
	return [
		'# written by `npm run cluster`; regenerated on every start',
		`broker.id=${node.id}`,
		`broker.rack=${node.rack}`,
		`listeners=PLAINTEXT://127.0.0.1:${node.port}`,
		`advertised.listeners=PLAINTEXT://127.0.0.1:${node.port}`,
		`log.dirs=${paths.data(node)}`,
		`zookeeper.connect=${zookeeperConnect}`,
		// Short enough that a killed broker leaves /brokers/ids (and the ISR) within seconds.
		'zookeeper.session.timeout.ms=6000',
		'zookeeper.connection.timeout.ms=10000',
		'num.partitions=3',
		'default.replication.factor=3',
		'min.insync.replicas=1',
		'offsets.topic.replication.factor=3',
		'offsets.topic.num.partitions=12',
		'transaction.state.log.replication.factor=3',
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
