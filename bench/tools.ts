import {spawnSync} from 'node:child_process';
import fs from 'node:fs';

/** Commands the benchmark runs next to ktop, with the Debian package that provides each. */
const tools = [
	{command: 'kcat', package: 'kcat', present: () => has('kcat')},
	// GNU time (not the shell keyword) reports a process's peak RSS with -f %M.
	{command: '/usr/bin/time', package: 'time', present: () => fs.existsSync('/usr/bin/time')},
	{command: 'java', package: 'openjdk-17-jre-headless', present: () => has('java')},
];

function has(command: string): boolean {
	return !spawnSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'}).status;
}

/**
Installs missing tools with apt-get when running as root (as the test setup does for kcat);
otherwise stops with the command to type.
*/
export function ensureTools(log: (line: string) => void): void {
	const missing = tools.filter(tool => !tool.present());
	if (missing.length === 0) return;
	const packages = missing.map(tool => tool.package);
	if (process.getuid?.() !== 0) {
		throw new Error(`the benchmark needs ${missing.map(tool => tool.command).join(', ')}: install with \`sudo apt-get install -y ${packages.join(' ')}\``);
	}

	log(`installing ${packages.join(', ')} from Debian's packages…`);
	const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...packages]]) {
		const result = spawnSync('apt-get', args, {env, encoding: 'utf8'});
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stderr || result.stdout}`);
	}
}
