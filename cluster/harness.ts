import fs from 'node:fs';
import {log4jConfigPath, writeConfig} from './config-files.js';
import {explainFailure} from './diagnose.js';
import {classpath, ensureJars, requireJava} from './jars.js';
import {ensureJava11} from './java-runtime.js';
import {
	type ClusterLayout, type ClusterNode, type KafkaNode, type ZkNode, HarnessError, UsageError,
	findNode, layoutOf, mainPort, paths, plainLayout, portsOf, secureLayout, zookeeperOnly,
} from './layout.js';
import {
	type ProcessState, findPid, hasStalePidFile, isGone, isPortFree, processState,
	removePidFile, signal, spawnJava, terminate,
} from './processes.js';
import {describeSrvr, probeBrokers, probeQuorum, registeredBrokerIds, srvr} from './readiness.js';
import {ensureScramUsers} from './scram-users.js';
import {writeClientFiles} from './secure-client-files.js';
import {readSecurePasswords, writePrivateFile} from './secure-secrets.js';
import {jaasPath, zookeeperClientJaas} from './secure-server-config.js';
import {ensureCertificates, tlsFiles} from './secure-tls.js';
import {
	type ClusterVersion, clusterVersionFor, defaultVersion, describeVersion, jarSource, jarVersions, needsJava11, versionRecordPath, writeVersionRecord,
} from './versions.js';
import {GiveUp, Unready, WaitTimeout, waitFor} from './wait-for.js';

export type Log = (line: string) => void;

const timeoutMs = Number(process.env['KTOP_CLUSTER_TIMEOUT_S'] ?? 180) * 1000;

/** Heaps: the secure cluster's are smaller, so both clusters fit a 2-core CI machine side by side. */
function heap(node: ClusterNode): string {
	const secure = node.cluster === 'secure';
	if (node.kind === 'zookeeper') return process.env[secure ? 'KTOP_SECURE_ZK_HEAP' : 'KTOP_ZK_HEAP'] ?? (secure ? '96m' : '192m');
	return process.env[secure ? 'KTOP_SECURE_KAFKA_HEAP' : 'KTOP_KAFKA_HEAP'] ?? (secure ? '256m' : '512m');
}

/** What a cluster's JVMs run: its release's jars, on Java 11 when its ZooKeeper client needs it. */
export type Runtime = {version: ClusterVersion; classpath: string; java: string};

function jvmArgs(node: ClusterNode, runtime: Runtime): string[] {
	const common = [
		'-XX:+UseSerialGC',
		'-XX:+ExitOnOutOfMemoryError',
		'-Djava.awt.headless=true',
		// ZooKeeper 3.4 registers log4j's JMX beans, which reload4j (the log4j 1 every release is bound to here) lacks.
		'-Dzookeeper.jmx.log4j.disable=true',
		`-Dlog4j.configuration=file:${log4jConfigPath(node)}`,
		// The secure cluster's ZooKeeper authentication: the server's users, or the broker's login.
		...(node.cluster === 'secure' ? [`-Djava.security.auth.login.config=${jaasPath(node)}`] : []),
	];
	if (node.kind === 'zookeeper') {
		return ['-Xms32m', `-Xmx${heap(node)}`, '-XX:TieredStopAtLevel=1', ...common, '-cp', runtime.classpath];
	}

	// The secure brokers carry test traffic only: C1 alone starts them sooner and keeps their code cache small.
	const lean = node.cluster === 'secure' ? ['-Xms64m', '-XX:TieredStopAtLevel=1'] : ['-Xms128m'];
	return [...lean, `-Xmx${heap(node)}`, ...common, `-Dkafka.logs.dir=${paths.logs(node)}`, '-cp', runtime.classpath];
}

/** Nodes started by the operation in progress: killed if it is interrupted (Ctrl-C, SIGTERM). */
const startingNow = new Set<ClusterNode>();

function launch(node: ClusterNode, runtime: Runtime): number {
	const config = writeConfig(node, runtime.version);
	const mainClass = node.kind === 'zookeeper' ? 'org.apache.zookeeper.server.quorum.QuorumPeerMain' : 'kafka.Kafka';
	startingNow.add(node);
	return spawnJava(node, runtime.java, jvmArgs(node, runtime), mainClass, [config]);
}

/** Kills whatever the interrupted operation had started, so an aborted `up` leaves no orphans. */
export function abortStarts(log: Log): void {
	for (const node of startingNow) {
		const pid = findPid(node);
		if (pid !== undefined) signal(pid, 'SIGKILL');
		removePidFile(node);
		log(`${node.name}: killed (start interrupted)`);
	}

	startingNow.clear();
}

function isRunning(node: ClusterNode): boolean {
	return findPid(node) !== undefined;
}

/** A pid file naming a dead process means an earlier run crashed; say so and clear it. */
function clearStalePidFiles(layout: ClusterLayout, log: Log): void {
	for (const node of layout.allNodes) {
		if (hasStalePidFile(node)) {
			log(`${node.name}: clearing a stale pid file left by a crashed run (${paths.pid(node)})`);
			removePidFile(node);
		}
	}
}

async function requireFreePorts(nodes: ClusterNode[]): Promise<void> {
	for (const node of nodes) {
		for (const port of portsOf(node)) {
			if (!(await isPortFree(port))) {
				throw new HarnessError(
					`port ${port} on 127.0.0.1, needed by ${node.name}, is already in use by another program`,
					`Find it with \`ss -ltnp 'sport = :${port}'\`, stop it, or move the cluster's ports (${node.cluster === 'secure' ? 'KTOP_SECURE_ZK_PORT, KTOP_SECURE_SCRAM_PORTS, KTOP_SECURE_MTLS_PORTS, KTOP_SECURE_PLAIN_PORTS' : 'KTOP_ZK_PORTS, KTOP_KAFKA_PORTS…'} in the README).`,
				);
			}
		}
	}
}

/** A node that did not come up: named, with its log, after everything this call started is killed. */
async function failStart(culprit: ClusterNode, why: string, startedNow: ClusterNode[], log: Log): Promise<never> {
	const {logPath, excerpt, hint} = explainFailure(culprit);
	killStarted(startedNow, log);
	throw new HarnessError(
		`${culprit.name} did not come up: ${why}\n  log: ${logPath}${excerpt.length > 0 ? `\n  last errors:\n    ${excerpt.join('\n    ')}` : ''}`,
		hint,
	);
}

function killStarted(startedNow: ClusterNode[], log: Log): void {
	// Brokers first: a broker outliving its ZooKeeper would spin retrying until killed anyway.
	for (const node of [...startedNow].reverse()) {
		const pid = findPid(node);
		if (pid !== undefined) {
			signal(pid, 'SIGKILL');
			log(`${node.name}: killed (started by this run)`);
		}

		removePidFile(node);
	}

	startingNow.clear();
}

async function waitForQuorum(expected: ZkNode[], startedNow: ClusterNode[], log: Log): Promise<string> {
	try {
		const {leader} = await waitFor(async () => {
			const dead = startedNow.find(node => node.kind === 'zookeeper' && !isRunning(node));
			if (dead) throw new NodeExited(dead);
			return probeQuorum(expected);
		}, {timeoutMs, what: `ZooKeeper quorum (${expected.map(n => n.name).join(', ')})`});
		return leader;
	} catch (error) {
		return failStart(await zkCulprit(expected, error), (error as Error).message, startedNow, log);
	}
}

async function zkCulprit(expected: ZkNode[], error: unknown): Promise<ZkNode> {
	if (error instanceof NodeExited) return error.node as ZkNode;
	for (const node of expected) {
		if ((await srvr(node)).kind !== 'serving') return node;
	}

	return expected[0]!;
}

async function waitForBrokers(expected: KafkaNode[], startedNow: ClusterNode[], log: Log): Promise<void> {
	try {
		await waitFor(async () => {
			const dead = startedNow.find(node => node.kind === 'kafka' && !isRunning(node));
			if (dead) throw new NodeExited(dead);
			return probeBrokers(expected);
		}, {timeoutMs, what: `brokers ${expected.map(n => n.id).join(', ')} to register and answer metadata`});
	} catch (error) {
		let culprit: KafkaNode = expected[0]!;
		if (error instanceof NodeExited) culprit = error.node as KafkaNode;
		else {
			const registered = await registeredBrokerIds(layoutOf(culprit)).catch((): number[] => []);
			culprit = expected.find(node => !registered.includes(node.id)) ?? culprit;
		}

		await failStart(culprit, (error as Error).message, startedNow, log);
	}
}

class NodeExited extends GiveUp {
	constructor(readonly node: ClusterNode) {
		super(`${node.name} exited during start-up`);
	}
}

/**
Brings the whole cluster up and returns once it is usable; idempotent.
Returns the nodes this call started, so a test run stops only what it started.
*/
export async function up(log: Log, layout: ClusterLayout = plainLayout, requested?: ClusterVersion): Promise<{started: string[]}> {
	const {zkNodes, kafkaNodes} = layout;
	const runtime = prepare(layout, log, requested);

	const zkToStart = zkNodes.filter(node => !isRunning(node));
	const kafkaToStart = zookeeperOnly ? [] : kafkaNodes.filter(node => !isRunning(node));
	await requireFreePorts([...zkToStart, ...kafkaToStart]);
	const startedNow: ClusterNode[] = [];

	for (const node of zkToStart) {
		log(`${node.name}: starting (client port ${node.clientPort}, pid ${launch(node, runtime)})`);
		startedNow.push(node);
	}

	const leader = await waitForQuorum(zkNodes, startedNow, log);
	log(zkNodes.length > 1 ? `ZooKeeper ensemble serving, leader ${leader}` : `ZooKeeper ${leader} serving`);
	if (layout.kind === 'secure' && kafkaToStart.length > 0) {
		try {
			await ensureScramUsers(readSecurePasswords(), log);
		} catch (error) {
			killStarted(startedNow, log);
			throw error;
		}
	}

	for (const node of kafkaToStart) {
		await waitForStaleRegistrationToExpire(node);
		log(`${node.name}: starting (broker id ${node.id}, port ${node.port}, pid ${launch(node, runtime)})`);
		startedNow.push(node);
	}

	if (zookeeperOnly) {
		startingNow.clear();
		return {started: startedNow.map(node => node.name)};
	}

	await waitForBrokers(kafkaNodes, startedNow, log);
	log(`brokers ${kafkaNodes.map(n => n.id).join(', ')} registered and answering metadata`);
	startingNow.clear();
	return {started: startedNow.map(node => node.name)};
}

/**
Everything a node needs before it starts: java, the jars, no stale pid files and, for the secure
cluster, its certificates (made once) and its client files (written afresh).
The plain cluster runs the release its folder was made with (`requested` comes from `up --kafka …`).
*/
function prepare(layout: ClusterLayout, log: Log, requested?: ClusterVersion): Runtime {
	requireJava();
	if (layout.kind === 'secure' && requested) throw new UsageError('--kafka/--zookeeper/--zk-config apply to the plain cluster only');
	const version = layout.kind === 'secure' ? defaultVersion() : clusterVersionFor(layout.home, requested);
	ensureJars(log, version);
	const runtime = runtimeFor(version, log);
	clearStalePidFiles(layout, log);
	if (layout.kind !== 'secure') {
		writeVersionRecord(layout.home, version);
		if (version.kafka || version.zookeeper) log(`release: ${describeVersion(version)}${runtime.java === 'java' ? '' : ` (on Java 11: ${runtime.java})`}`);
		return runtime;
	}

	const running = layout.allNodes.filter(isRunning);
	if (running.length > 0 && !tlsFiles().every(file => fs.existsSync(file))) {
		// New certificates and passwords would not match the stores the running nodes loaded.
		throw new HarnessError(
			`the secure cluster's certificates or passwords are missing from ${secureLayout.tls.dir} while ${running.map(node => node.name).join(', ')} run`,
			'Run `npm run cluster -- down --secure`, then `up --secure` makes new ones (or `reset --secure` to start afresh).',
		);
	}

	ensureCertificates(log);
	const passwords = readSecurePasswords();
	fs.mkdirSync(`${layout.home}/conf`, {recursive: true});
	writePrivateFile(secureLayout.files.zookeeperClientJaas, zookeeperClientJaas(passwords));
	writeClientFiles(passwords);
	return runtime;
}

/** Also how Kafka's own tools of that release are run (the compat suite's cross-checks). */
export function runtimeFor(version: ClusterVersion, log: Log): Runtime {
	const {zookeeper} = jarVersions(jarSource(version).libDir);
	return {version, classpath: classpath(version), java: needsJava11(zookeeper) ? ensureJava11(log) : 'java'};
}

/**
A broker killed with -9 leaves its ephemeral /brokers/ids/<id> until its ZooKeeper session expires;
a new broker with that id refuses to start meanwhile, so wait it out.
*/
async function waitForStaleRegistrationToExpire(node: KafkaNode): Promise<void> {
	await waitFor(async () => {
		const ids = await registeredBrokerIds(layoutOf(node));
		return ids.includes(node.id) ? new Unready(`/brokers/ids/${node.id} still held by the killed broker's session`) : true;
	}, {timeoutMs: 30_000, what: `the old registration of broker ${node.id} to expire`});
}

/** Stops brokers first (controlled shutdown needs ZooKeeper), then the ensemble. */
export async function down(log: Log, layout: ClusterLayout = plainLayout): Promise<void> {
	await stopNodes(layout.allNodes.map(node => node.name), log, layout);
}

/** Gracefully stops the named nodes, brokers before ZooKeeper servers. */
export async function stopNodes(names: string[], log: Log, layout: ClusterLayout = plainLayout): Promise<void> {
	const nodes = names.map(name => findNode(name, layout));
	await stopGracefully(nodes.filter(node => node.kind === 'kafka'), 30_000, log);
	await stopGracefully(nodes.filter(node => node.kind === 'zookeeper'), 10_000, log);
}

async function stopGracefully(nodes: ClusterNode[], graceMs: number, log: Log): Promise<void> {
	await Promise.all(nodes.map(async node => {
		const pid = findPid(node);
		if (pid === undefined) {
			removePidFile(node);
			return;
		}

		const how = await terminate(pid, graceMs);
		removePidFile(node);
		log(`${node.name}: stopped${how === 'killed' ? ` (killed after ${graceMs / 1000} s without exiting)` : ''}`);
	}));
}

export async function startNode(name: string, log: Log, layout: ClusterLayout = plainLayout): Promise<void> {
	const node = findNode(name, layout);
	if (isRunning(node)) {
		log(`${node.name}: already running`);
		return;
	}

	const runtime = prepare(layout, log);
	await requireFreePorts([node]);
	if (node.kind === 'kafka') await waitForStaleRegistrationToExpire(node);
	log(`${node.name}: starting (port ${mainPort(node)}, pid ${launch(node, runtime)})`);
	if (node.kind === 'zookeeper') {
		const running = layout.zkNodes.filter(isRunning);
		const leader = await waitForQuorum(running, [node], log);
		log(`${node.name}: serving; ensemble leader ${leader}`);
	} else {
		await waitForBrokers([node], [node], log);
		log(`${node.name}: registered and answering metadata`);
	}

	startingNow.clear();
}

/** kill -9: the node dies without any shutdown, as in a crash. */
export async function stopNode(name: string, log: Log, layout: ClusterLayout = plainLayout): Promise<void> {
	const node = findNode(name, layout);
	const pid = findPid(node);
	if (pid === undefined) {
		log(`${node.name}: not running`);
		return;
	}

	signal(pid, 'SIGKILL');
	await waitFor(async () => (isGone(pid) ? true : undefined), {timeoutMs: 10_000, what: `${node.name} (pid ${pid}) to die`});
	removePidFile(node);
	log(`${node.name}: killed (pid ${pid})`);
}

/** SIGSTOP: the process stays, holds its ports and sessions, and answers nothing: a hung node. */
export async function pauseNode(name: string, log: Log, layout: ClusterLayout = plainLayout): Promise<void> {
	const node = findNode(name, layout);
	const pid = requirePid(node);
	signal(pid, 'SIGSTOP');
	log(`${node.name}: paused (pid ${pid}); \`resume ${node.name}${layoutOf(node).flag}\` continues it`);
}

export async function resumeNode(name: string, log: Log, layout: ClusterLayout = plainLayout): Promise<void> {
	const node = findNode(name, layout);
	const pid = requirePid(node);
	signal(pid, 'SIGCONT');
	log(`${node.name}: resumed (pid ${pid})`);
}

function requirePid(node: ClusterNode): number {
	const pid = findPid(node);
	if (pid === undefined) throw new UsageError(`${node.name} is not running; \`npm run cluster -- start ${node.name}${layoutOf(node).flag}\` starts it`);
	return pid;
}

export type NodeStatus = {
	name: string;
	state: ProcessState;
	pid: number | undefined;
	port: number;
	/** ZooKeeper only: the server's mode from `srvr`, or why it could not be read. */
	mode: string | undefined;
};

export async function status(layout: ClusterLayout = plainLayout): Promise<NodeStatus[]> {
	const anyZkRunning = layout.zkNodes.some(node => processState(node).state === 'running');
	const registered = anyZkRunning ? await registeredBrokerIds(layout).catch(() => undefined) : undefined;
	return Promise.all(layout.allNodes.map(async node => {
		const {state, pid} = processState(node);
		return {name: node.name, state, pid, port: mainPort(node), mode: await modeOf(node, state, registered)};
	}));
}

/** ZooKeeper: the server's own mode. Kafka: whether it holds its /brokers/ids registration. */
async function modeOf(node: ClusterNode, state: ProcessState, registered: number[] | undefined): Promise<string | undefined> {
	if (state === 'paused') return 'no reply (paused)';
	if (node.kind === 'zookeeper') return state === 'running' ? describeSrvr(await srvr(node)) : undefined;
	if (registered === undefined) return state === 'running' ? 'registration unknown (ZooKeeper down)' : undefined;
	const holds = registered.includes(node.id);
	if (state === 'running') return holds ? 'registered' : 'not registered';
	return holds ? 'still registered (session not yet expired)' : undefined;
}

/**
Stops everything and wipes data, logs and configs; the fetched jars stay.
The secure cluster also loses its certificates, passwords and client files: the next `up` makes new ones.
*/
export async function reset(log: Log, layout: ClusterLayout = plainLayout): Promise<void> {
	await down(log, layout);
	const folders = ['data', 'logs', 'conf', 'run', ...(layout.kind === 'secure' ? ['tls'] : [])];
	for (const folder of folders) fs.rmSync(`${layout.home}/${folder}`, {recursive: true, force: true});
	fs.rmSync(versionRecordPath(layout.home), {force: true});
	if (layout.kind === 'secure') {
		for (const file of Object.values(secureLayout.files)) fs.rmSync(file, {force: true});
	}

	log(`wiped ${layout.home}/{${folders.join(',')}}${layout.kind === 'secure' ? ' and the client files' : ''}`);
}

export {HarnessError, UsageError, WaitTimeout};
