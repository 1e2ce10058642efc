/** Client properties whose values are secrets, wherever they are typed (-X key=value). */
export const secretKeys = /^(sasl\.jaas\.config|ssl\.(truststore|keystore|key)\.password|ssl\.keystore\.key)$/;

/**
`ps` shows a process's arguments to every user of the host: a password given with -X would be
there for as long as ktop runs. The title (argv as ps reads it) is rewritten with the secret
values masked; ktop itself has already read them.
*/
export function hideSecretsFromProcessTitle(argv: readonly string[]): void {
	const masked = maskSecrets(argv);
	if (masked.some((argument, index) => argument !== argv[index])) process.title = ['ktop', ...masked].join(' ');
}

/** -X secrets and ZooKeeper auth (--zk-auth scheme:user:password): the scheme stays, the rest is masked. */
export function maskSecrets(argv: readonly string[]): string[] {
	return argv.map((argument, index) => {
		if (argv[index - 1] === '--zk-auth') return maskZookeeperAuth(argument);
		if (argument.startsWith('--zk-auth=')) return `--zk-auth=${maskZookeeperAuth(argument.slice('--zk-auth='.length))}`;
		const match = /^(-X|--property=)?([\w.]+)=/.exec(argument);
		return match && secretKeys.test(match[2]!) ? `${match[1] ?? ''}${match[2]}=***` : argument;
	});
}

function maskZookeeperAuth(value: string): string {
	const colon = value.indexOf(':');
	return colon === -1 ? '***' : `${value.slice(0, colon)}:***`;
}
