import fs from 'node:fs';
import {log4jConfigPath, writeConfig} from './config-files.js';
import {explainFailure} from './diagnose.js';
import {classpath, ensureJars, requireJava} from './jars.js';
import {
	type ClusterNode, type KafkaNode, type ZkNode, HarnessError, UsageError,
	allNodes, findNode, home, kafkaNodes, mainPort, paths, portsOf, zkNodes, zookeeperOnly,
} from './layout.js';
import {
	type ProcessState, findPid, hasStalePidFile, isGone, isPortFree, processState,
	removePidFile, signal, spawnJava, terminate,
} from './processes.js';
import {describeSrvr, probeBrokers, probeQuorum, registeredBrokerIds, srvr} from './readiness.js';
import {GiveUp, Unready, WaitTimeout, waitFor} from './wait-for.js';

export type Log = (line: string) => void;

const timeoutMs = Number(process.env['KTOP_CLUSTER_TIMEOUT_S'] ?? 180) * 1000;

function jvmArgs(node: ClusterNode): string[] {
	const common = [
		'-XX:+UseSerialGC',
		'-XX:+ExitOnOutOfMemoryError',
		'-Djava.awt.headless=true',
		`-Dlog4j.configuration=file:${log4jConfigPath(node)}`,
	];
	if (node.kind === 'zookeeper') {
		return ['-Xms32m', `-Xmx${process.env['KTOP_ZK_HEAP'] ?? '192m'}`, '-XX:TieredStopAtLevel=1', ...common, '-cp', classpath()];
	}

	return ['-Xms128m', `-Xmx${process.env['KTOP_KAFKA_HEAP'] ?? '512m'}`, ...common, `-Dkafka.logs.dir=${paths.logs(node)}`, '-cp', classpath()];
}

/** Nodes started by the operation in progress: killed if it is interrupted (Ctrl-C, SIGTERM). */
const startingNow = new Set<ClusterNode>();

function launch(node: ClusterNode): number {
	const config = writeConfig(node);
	const mainClass = node.kind === 'zookeeper' ? 'org.apache.zookeeper.server.quorum.QuorumPeerMain' : 'kafka.Kafka';
	startingNow.add(node);
	return spawnJava(node, jvmArgs(node), mainClass, [config]);
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
function clearStalePidFiles(log: Log): void {
	for (const node of allNodes) {
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
					`Find it with \`ss -ltnp 'sport = :${port}'\`, stop it, or move the cluster's ports (KTOP_ZK_PORTS, KTOP_KAFKA_PORTS… in the README).`,
				);
			}
		}
	}
}

/** A node that did not come up: named, with its log, after everything this call started is killed. */
async function failStart(culprit: ClusterNode, why: string, startedNow: ClusterNode[], log: Log): Promise<never> {
	const {logPath, excerpt, hint} = explainFailure(culprit);
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
	throw new HarnessError(
		`${culprit.name} did not come up: ${why}\n  log: ${logPath}${excerpt.length > 0 ? `\n  last errors:\n    ${excerpt.join('\n    ')}` : ''}`,
		hint,
	);
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
			const registered = await registeredBrokerIds().catch((): number[] => []);
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
export async function up(log: Log): Promise<{started: string[]}> {
	requireJava();
	ensureJars(log);
	clearStalePidFiles(log);

	const zkToStart = zkNodes.filter(node => !isRunning(node));
	const kafkaToStart = zookeeperOnly ? [] : kafkaNodes.filter(node => !isRunning(node));
	await requireFreePorts([...zkToStart, ...kafkaToStart]);
	const startedNow: ClusterNode[] = [];

	for (const node of zkToStart) {
		log(`${node.name}: starting (client port ${node.clientPort}, pid ${launch(node)})`);
		startedNow.push(node);
	}

	const leader = await waitForQuorum(zkNodes, startedNow, log);
	log(`ZooKeeper ensemble serving, leader ${leader}`);

	for (const node of kafkaToStart) {
		await waitForStaleRegistrationToExpire(node);
		log(`${node.name}: starting (broker id ${node.id}, port ${node.port}, pid ${launch(node)})`);
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
A broker killed with -9 leaves its ephemeral /brokers/ids/<id> until its ZooKeeper session expires;
a new broker with that id refuses to start meanwhile, so wait it out.
*/
async function waitForStaleRegistrationToExpire(node: KafkaNode): Promise<void> {
	await waitFor(async () => {
		const ids = await registeredBrokerIds();
		return ids.includes(node.id) ? new Unready(`/brokers/ids/${node.id} still held by the killed broker's session`) : true;
	}, {timeoutMs: 30_000, what: `the old registration of broker ${node.id} to expire`});
}

/** Stops brokers first (controlled shutdown needs ZooKeeper), then the ensemble. */
export async function down(log: Log): Promise<void> {
	await stopNodes(allNodes.map(node => node.name), log);
}

/** Gracefully stops the named nodes, brokers before ZooKeeper servers. */
export async function stopNodes(names: string[], log: Log): Promise<void> {
	const nodes = names.map(findNode);
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

export async function startNode(name: string, log: Log): Promise<void> {
	const node = findNode(name);
	if (isRunning(node)) {
		log(`${node.name}: already running`);
		return;
	}

	requireJava();
	ensureJars(log);
	clearStalePidFiles(log);
	await requireFreePorts([node]);
	if (node.kind === 'kafka') await waitForStaleRegistrationToExpire(node);
	log(`${node.name}: starting (port ${mainPort(node)}, pid ${launch(node)})`);
	if (node.kind === 'zookeeper') {
		const running = zkNodes.filter(isRunning);
		const leader = await waitForQuorum(running, [node], log);
		log(`${node.name}: serving; ensemble leader ${leader}`);
	} else {
		await waitForBrokers([node], [node], log);
		log(`${node.name}: registered and answering metadata`);
	}

	startingNow.clear();
}

/** kill -9: the node dies without any shutdown, as in a crash. */
export async function stopNode(name: string, log: Log): Promise<void> {
	const node = findNode(name);
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
export async function pauseNode(name: string, log: Log): Promise<void> {
	const node = findNode(name);
	const pid = requirePid(node);
	signal(pid, 'SIGSTOP');
	log(`${node.name}: paused (pid ${pid}); \`resume ${node.name}\` continues it`);
}

export async function resumeNode(name: string, log: Log): Promise<void> {
	const node = findNode(name);
	const pid = requirePid(node);
	signal(pid, 'SIGCONT');
	log(`${node.name}: resumed (pid ${pid})`);
}

function requirePid(node: ClusterNode): number {
	const pid = findPid(node);
	if (pid === undefined) throw new UsageError(`${node.name} is not running; \`npm run cluster -- start ${node.name}\` starts it`);
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

export async function status(): Promise<NodeStatus[]> {
	const anyZkRunning = zkNodes.some(node => processState(node).state === 'running');
	const registered = anyZkRunning ? await registeredBrokerIds().catch(() => undefined) : undefined;
	return Promise.all(allNodes.map(async node => {
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

/** Stops everything and wipes data, logs and configs; the fetched jars stay. */
export async function reset(log: Log): Promise<void> {
	await down(log);
	for (const folder of ['data', 'logs', 'conf', 'run']) {
		fs.rmSync(`${home}/${folder}`, {recursive: true, force: true});
	}

	log(`wiped ${home}/{data,logs,conf,run}`);
}

export {HarnessError, UsageError, WaitTimeout};
