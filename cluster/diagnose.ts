import fs from 'node:fs';
import {type ClusterNode, layoutOf, paths} from './layout.js';

/** Known ways a node fails to start, each with the step that fixes it (`flag` names the cluster: "" or " --secure"). */
const knownCauses = (flag: string): Array<{pattern: RegExp; hint: string}> => [
	{pattern: /InconsistentClusterIdException/, hint: `The broker's data belongs to another cluster (ZooKeeper data was wiped but Kafka's was not). Run \`npm run cluster -- reset${flag}\` to start afresh.`},
	{pattern: /Address already in use|BindException/, hint: 'A port the node needs is taken by another program; find it with `ss -ltnp` or move the cluster with the KTOP_*_PORTS variables (see README).'},
	{pattern: /Could not find or load main class|ClassNotFoundException|NoClassDefFoundError/, hint: 'The jar cache looks broken; delete it (.cluster/lib, or .cluster/lib-kafka-<version> for `--kafka`) and run `npm run cluster -- up` to fetch it again.'},
	{pattern: /OutOfMemoryError|Cannot allocate memory/, hint: 'The JVM ran out of memory; raise KTOP_KAFKA_HEAP / KTOP_ZK_HEAP or free memory.'},
	{pattern: /No space left on device/, hint: 'The disk is full; free space and retry.'},
	{pattern: /Unable to load database on disk|Unable to load data from|CorruptRecordException|corrupt/i, hint: `The node's data looks damaged (a crashed run?). Run \`npm run cluster -- reset${flag}\` to wipe it.`},
	{pattern: /keystore password was incorrect|KeyStoreException|Failed to load SSL keystore|LoginException/, hint: `The secure cluster's certificates, stores or passwords do not match. Run \`npm run cluster -- reset${flag}\` to make new ones.`},
];

function tail(file: string, lines: number): string[] {
	try {
		const text = fs.readFileSync(file, 'utf8');
		return text.trimEnd().split('\n').slice(-lines);
	} catch {
		return [];
	}
}

/** The log lines and the known cause, if any, that explain why a node is not up. */
export function explainFailure(node: ClusterNode): {logPath: string; excerpt: string[]; hint: string | undefined} {
	const mainLines = tail(paths.mainLog(node), 400);
	const consoleLines = tail(paths.console(node), 400);
	// A JVM that dies before logging is set up (bad flags, no memory) speaks only on its console.
	const logPath = mainLines.length > 0 ? paths.mainLog(node) : paths.console(node);
	const all = [...consoleLines, ...mainLines].join('\n');
	const hint = knownCauses(layoutOf(node).flag).find(cause => cause.pattern.test(all))?.hint;
	const errors = [...consoleLines, ...mainLines].filter(line => /\b(ERROR|FATAL|Error)\b|Exception/.test(line));
	const excerpt = (errors.length > 0 ? errors : mainLines).slice(-8);
	return {logPath, excerpt, hint};
}
