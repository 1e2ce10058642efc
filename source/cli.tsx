#!/usr/bin/env node
import {render} from 'ink';
import meow from 'meow';
import React from 'react';
import {printReport} from './commands/report.js';
import {ConfigError, resolveConnection} from './config/connection.js';
import {reachCluster} from './model/reach.js';
import {ReachView} from './ui/reach-view.js';

const cli = meow(`
	Usage
	  $ ktop [options]

	Connects to a Kafka cluster that runs on ZooKeeper and reports what it reached:
	the ZooKeeper ensemble (each server's mode), the controller, the brokers registered
	in ZooKeeper and the brokers answering metadata. On a terminal the report refreshes
	live (q quits); otherwise, or with --once, it prints once and exits
	(status 0 when the cluster answered, 1 when it did not).

	Options
	  -z, --zookeeper  ZooKeeper connect string, host:port[,host:port…][/chroot]  (env KTOP_ZOOKEEPER)
	  -b, --bootstrap  Kafka brokers, host:port[,host:port…]  (env KTOP_BOOTSTRAP)
	                   Given only --zookeeper, the brokers are found in /brokers/ids.
	  -i, --interval   Refresh interval in seconds (default 2)
	      --once       Print the report once and exit
	  -h, --help       Show this help
	  -v, --version    Show the version

	Examples
	  $ ktop -z 127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183
	  $ ktop -b kafka1:9092 -z zk1:2181/kafka --once
`, {
	importMeta: import.meta,
	flags: {
		zookeeper: {type: 'string', shortFlag: 'z'},
		bootstrap: {type: 'string', shortFlag: 'b'},
		interval: {type: 'number', shortFlag: 'i', default: 2},
		once: {type: 'boolean', default: false},
		help: {type: 'boolean', shortFlag: 'h'},
		version: {type: 'boolean', shortFlag: 'v'},
	},
	allowUnknownFlags: false,
});

async function main(): Promise<number> {
	if (cli.input.length > 0) throw new ConfigError(`unknown command "${cli.input[0]}"; see ktop --help`);
	if (!Number.isFinite(cli.flags.interval) || cli.flags.interval < 0.5) {
		throw new ConfigError(`--interval ${cli.flags.interval}: expected a number of seconds, at least 0.5`);
	}

	const connection = resolveConnection(cli.flags);
	if (cli.flags.once || !process.stdout.isTTY || !process.stdin.isTTY) {
		return printReport(connection, line => process.stdout.write(`${line}\n`));
	}

	const load = async () => reachCluster(connection);
	const app = render(<ReachView load={load} intervalMs={cli.flags.interval * 1000} />, {exitOnCtrlC: false});
	await app.waitUntilExit();
	return 0;
}

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof ConfigError) {
		process.stderr.write(`ktop: ${error.message}\n`);
		process.exitCode = 2;
	} else {
		process.stderr.write(`ktop: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
		process.exitCode = 1;
	}
}

// Sockets of the ZooKeeper and Kafka clients may linger; ktop is done, so leave now.
process.exit();
