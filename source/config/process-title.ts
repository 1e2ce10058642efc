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

export function maskSecrets(argv: readonly string[]): string[] {
	return argv.map(argument => {
		const match = /^(-X|--property=)?([\w.]+)=/.exec(argument);
		return match && secretKeys.test(match[2]!) ? `${match[1] ?? ''}${match[2]}=***` : argument;
	});
}
