#!/usr/bin/env node
import meow from 'meow';
import {runCheck} from './commands/check.js';
import {runConsumePrint} from './commands/consume-print.js';
import {printReport} from './commands/report.js';
import {runSnapshot} from './commands/snapshot.js';
import {parseAdminPorts} from './config/admin-ports.js';
import {checkCommand, commandIn, numberFlag, unknownFlags, usageExitCode} from './config/cli-flags.js';
import {hideSecretsFromProcessTitle} from './config/process-title.js';
import {ConfigError, resolveTarget} from './config/connection.js';
import {contextSummaries} from './config/context-summary.js';
import {loadContexts} from './config/contexts-file.js';
import {contextSwitcher, defaultIntervalSeconds} from './config/context-switcher.js';
import {runContexts} from './commands/contexts.js';
import {joinNegativeFromValue, maxBuffer, parseConsumeArgs} from './config/consume-args.js';
import {prepareTuiEnvironment} from './ui/tui-environment.js';

const help = `
	Usage
	  $ ktop [options]             the live view (needs a terminal); keys: ? for help, q quits
	  $ ktop snapshot [--json]     the whole cluster once: ZooKeeper, brokers, topics, groups, findings
	  $ ktop check                 findings one per line; exit 0 ok, 1 warning, 2 critical, 3 unknown
	  $ ktop consume <topic>       watch a topic's records live, without any consumer group;
	                               without a terminal, one sanitized line per record
	  $ ktop contexts [--json]     the contexts of the config file (no secrets shown)

	Connection (flags, else --context, else env, else the config file's current-context,
	else the broker host's own server.properties / zoo.cfg)
	      --context    a named cluster from the config file ($KTOP_CONFIG, else
	                   $XDG_CONFIG_HOME/ktop/config.yaml, else ~/.config/ktop/config.yaml);
	                   -z/-b/--interval override its values; a read-only context stays read-only.
	                   In the live view, :ctx lists the contexts and :ctx <name> switches to one
	  -z, --zookeeper  ZooKeeper connect string, host:port[,host:port…][/chroot]  (env KTOP_ZOOKEEPER)
	                   Given only --zookeeper, the brokers are found in /brokers/ids.
	  -b, --bootstrap  Kafka brokers, host:port[,host:port…]  (env KTOP_BOOTSTRAP)
	      --zk-admin   AdminServer ports for servers whose four-letter words are locked down,
	                   host:clientPort=adminPort[,…], e.g. 127.0.0.1:2183=8183
	      --command-config  Kafka client properties for TLS and SASL, the file kafka-topics.sh
	                   --command-config takes (security.protocol, sasl.*, ssl.*, bootstrap.servers)
	                   (env KTOP_COMMAND_CONFIG)
	  -X key=value     a client property, repeatable, over the file's: -X security.protocol=SASL_SSL
	                   -X sasl.mechanism=SCRAM-SHA-512 -X ssl.truststore.location=ca.pem …
	      --zk-auth    ZooKeeper auth sent on every session, scheme:auth, e.g. digest:user:password
	                   (repeatable; env KTOP_ZK_AUTH, which keeps it out of ps). Never shown or logged;
	                   ktop's process title hides it once running. ZooKeeper over SASL
	                   or TLS is not supported: ktop then runs brokers-only and says why
	      --brokers-only  never read ZooKeeper (AWS MSK with ZooKeeper access off): everything the
	                   brokers tell; checks that need ZooKeeper are listed as not judged

	Options
	      --json       snapshot: one JSON document
	      --samples    snapshot/check: refreshes to take, 1 to 100 (default 1); lag status from history
	                   needs 2 or more; one is enough to call a group with lag and no members STOPPED
	                   (critical from 5 min behind) and one with members 5 min behind AT_RISK
	  -i, --interval   seconds between refreshes, 0.5 to 3600 (default 2)
	      --once       print the connection report once and exit (works without a terminal)
	      --read-only  the live view offers no action that writes to the cluster
	      --log-file   live view diagnostics (refresh timings, errors, actions applied) appended to this file
	      --from       consume: end (default), beginning, <offset>, last:N, -10m / -1h30m,
	                   @<epoch ms> or an ISO 8601 time
	      --partitions consume: only these, e.g. 0,2 or 0-3
	      --buffer     consume: records held for the view, 1 to 1,000,000 (default 10000)
	      --exit       consume without a terminal: stop at the end of each partition as at the start
	  -h, --help       show this help
	  -v, --version    show the version

	Exit status
	  ktop: 0 after q, 2 without a terminal. snapshot: 0, or 3 when nothing could be reached.
	  check: 0 ok, 1 warning, 2 critical, 3 unknown. When ZooKeeper cannot be read (refused,
	  TLS/SASL only, not found) and nothing is wrong, check says UNKNOWN (3): the checks that
	  need ZooKeeper were not judged. With --brokers-only they are not asked for: OK is 0.
	  Bad usage (an unknown command or flag, a value out of range): 2, and 64 for check,
	  so it is never mistaken for "critical".

	Examples
	  $ ktop -z 127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183
	  $ ktop snapshot --json -z zk1:2181/kafka | jq '.findings'
	  $ ktop check --samples 3 -b kafka1:9092 || page-oncall
	  $ ktop --context prod

	Contexts (config file, YAML)
	  current-context: local
	  contexts:
	    local: {zookeeper: 127.0.0.1:2181/kafka, bootstrap: 127.0.0.1:9092}
	    prod:
	      zookeeper: zk1:2181,zk2:2181/kafka     # connect string, optional /chroot
	      zookeeper-auth: digest:ktop:secret      # scheme:auth
	      bootstrap: kafka1:9093,kafka2:9093
	      command-config: prod-client.properties  # Kafka client properties, relative to this file
	      properties: {sasl.mechanism: SCRAM-SHA-512}   # override the file's
	      read-only: true
	      interval: 5
`;

// Numbers are read as text and checked by ktop (cli-flags.ts): meow's number type turns "abc" into NaN.
const flags = {
	zookeeper: {type: 'string', shortFlag: 'z'},
	bootstrap: {type: 'string', shortFlag: 'b'},
	zkAdmin: {type: 'string'},
	commandConfig: {type: 'string'},
	property: {type: 'string', shortFlag: 'X', isMultiple: true},
	zkAuth: {type: 'string', isMultiple: true},
	brokersOnly: {type: 'boolean', default: false},
	context: {type: 'string'},
	json: {type: 'boolean', default: false},
	samples: {type: 'string'},
	interval: {type: 'string', shortFlag: 'i'},
	once: {type: 'boolean', default: false},
	readOnly: {type: 'boolean', default: false},
	logFile: {type: 'string'},
	from: {type: 'string'},
	partitions: {type: 'string'},
	buffer: {type: 'string'},
	exit: {type: 'boolean', default: false},
	help: {type: 'boolean', shortFlag: 'h'},
	version: {type: 'boolean', shortFlag: 'v'},
} as const;

const argv = joinNegativeFromValue(process.argv.slice(2));
hideSecretsFromProcessTitle(argv);
// Unknown flags are let through and reported by main(), with ktop's exit status for bad usage.
const parse = () => meow(help, {importMeta: import.meta, argv, flags, allowUnknownFlags: true});
let command = commandIn(argv);
const write = (text: string) => process.stdout.write(text);

async function main(): Promise<number> {
	let cli: ReturnType<typeof parse>;
	try {
		cli = parse();
	} catch (error) {
		// meow throws on a flag given twice ("The flag --interval can only be set once.").
		const twice = /--[\w-]+/.exec((error as Error).message)?.[0];
		throw new ConfigError(`${twice === undefined ? (error as Error).message : `${twice} given twice`}; see ktop --help`);
	}

	if (cli.flags.help) cli.showHelp(0);
	if (cli.flags.version) cli.showVersion();
	const [name, ...extra] = cli.input;
	command = name;
	checkCommand(command);
	const unknown = unknownFlags(cli.unnormalizedFlags, flags);
	if (unknown.length > 0) throw new ConfigError(`unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.join(' ')}; see ktop --help`);
	if (extra.length > 0 && command !== 'consume') throw new ConfigError(`unexpected argument "${extra[0]}"; see ktop --help`);
	const intervalFlag = numberFlag('--interval', cli.flags.interval, {min: 0.5, max: 3600, integer: false, unit: 'seconds'});
	const samples = numberFlag('--samples', cli.flags.samples, {min: 1, max: 100, integer: true, unit: 'refreshes'}) ?? 1;
	const buffer = numberFlag('--buffer', cli.flags.buffer, {min: 1, max: maxBuffer, integer: true, unit: 'records'});

	if (command === 'contexts') {
		const file = loadContexts();
		for (const warning of file?.warnings ?? []) process.stderr.write(`ktop: warning: ${warning}\n`);
		return runContexts(file?.file ?? undefined, file ? contextSummaries(file) : [], cli.flags.json, write);
	}

	const target = resolveTarget(cli.flags);
	const {connection} = target;
	for (const warning of target.warnings) process.stderr.write(`ktop: warning: ${warning}\n`);
	if (connection.origin) process.stderr.write(`ktop: connection ${connection.origin}\n`);
	const interval = intervalFlag ?? target.interval ?? defaultIntervalSeconds;
	const collect = {samples, intervalMs: interval * 1000, adminPorts: parseAdminPorts(cli.flags.zkAdmin)};
	// A read-only context is never written to: --read-only can only add to it.
	const readOnly = cli.flags.readOnly || connection.context?.readOnly === true;
	const tui = {
		connection, adminPorts: collect.adminPorts, intervalMs: collect.intervalMs, readOnly, logFile: cli.flags.logFile,
		// :ctx in the live view: the config file is read again each time, so an edit shows without a restart.
		contexts: contextSwitcher({readOnly: cli.flags.readOnly, intervalSeconds: intervalFlag}),
	};

	switch (command) {
		case 'snapshot': return runSnapshot(connection, {...collect, json: cli.flags.json}, write);
		case 'check': return runCheck(connection, collect, write);
		case 'consume': {
			const consume = parseConsumeArgs(extra, {...cli.flags, buffer});
			// On a terminal the live view opens on the topic (Esc goes to topics); piped or scripted, one line per record.
			if (process.stdin.isTTY && process.stdout.isTTY && !consume.exitAtEnd) return (await loadTui()).runConsumeTui(tui, consume);
			const stop = new AbortController();
			for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
			return runConsumePrint(connection, consume, {stdout: process.stdout, stderr: text => process.stderr.write(text), signal: stop.signal});
		}

		default: break;
	}

	if (cli.flags.once) return printReport(connection, line => write(`${line}\n`));
	return (await loadTui()).runTui(tui);
}

/**
Ink and React are loaded only for the live view, and only after the environment they read when
they load is set for it (see tui-environment.ts): not in CI, React's production build.
*/
async function loadTui() {
	prepareTuiEnvironment();
	return import('./ui/run-tui.js');
}

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof ConfigError) {
		process.stderr.write(`ktop: ${error.message}\n`);
		process.exitCode = usageExitCode(command);
	} else {
		process.stderr.write(`ktop: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
		process.exitCode = command === 'check' ? 3 : 1;
	}
}

// Sockets of the ZooKeeper and Kafka clients may linger; ktop is done, so leave now, but not before
// a pipe has taken all of stdout: writes to a pipe are asynchronous, and process.exit() drops what is
// still queued (`ktop snapshot --json | jq` then got the first 64 KiB of a snapshot, some of the time).
await new Promise(resolve => {
	// A reader that left early (`| head`) fails the write with EPIPE: nothing is left to wait for.
	process.stdout.on('error', resolve);
	process.stdout.write('', resolve);
});
process.exit();
