import fs from 'node:fs';

/** A recorded real output from test/fixtures/, read as UTF-8: `fixture('4lw/srvr-leader-2183.txt')`. */
export function fixture(relativePath: string): string {
	return fs.readFileSync(new URL(`../fixtures/${relativePath}`, import.meta.url), 'utf8');
}
