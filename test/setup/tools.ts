import {spawnSync} from 'node:child_process';

/** Debian packages whose commands the integration tests run to cross-check ktop. */
const tools: Record<string, string> = {kcat: 'kcat', tmux: 'tmux'};

function has(command: string): boolean {
	return !spawnSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'}).status;
}

/**
Installs missing cross-check tools with apt-get when running as root (CI, a fresh machine);
otherwise stops the run with the command to type. Never skips: a test without its tool fails.
*/
export function ensureTools(log: (line: string) => void): void {
	const missing = Object.keys(tools).filter(command => !has(command));
	if (missing.length === 0) return;
	const packages = missing.map(command => tools[command]!);
	if (process.getuid?.() !== 0) {
		throw new Error(`the integration tests need ${missing.join(', ')}: install with \`sudo apt-get install -y ${packages.join(' ')}\``);
	}

	log(`installing ${packages.join(', ')} from Debian's packages…`);
	const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...packages]]) {
		const result = spawnSync('apt-get', args, {env, encoding: 'utf8'});
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
	}
}
