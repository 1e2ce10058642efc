import fs from 'node:fs';

/** Jiffies spent idle (idle + iowait) and in total, over all cores, from /proc/stat. */
function cpuTimes(): {idle: number; total: number} {
	const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
	return {idle: fields[3]! + fields[4]!, total: fields.reduce((sum, value) => sum + value, 0)};
}

/** The share of the machine's CPU in use over `ms`, by anything (the bench itself is waiting). */
export async function busyPercent(ms = 2000): Promise<number> {
	const before = cpuTimes();
	await new Promise(resolve => setTimeout(resolve, ms));
	const after = cpuTimes();
	const total = after.total - before.total;
	return total === 0 ? 0 : (1 - (after.idle - before.idle) / total) * 100;
}

/**
Waits until the machine is quiet enough to measure (under `quietPercent` busy over 2 s), at most
`maxMs`: after creating thousands of partitions the brokers keep working for a while, and on a
shared box other work comes and goes. Returns how busy it was when measuring began.
*/
export async function settle(quietPercent = 25, maxMs = 60_000): Promise<{busyPercent: number; waitedMs: number}> {
	const started = performance.now();
	for (;;) {
		const busy = await busyPercent();
		const waitedMs = performance.now() - started;
		if (busy < quietPercent || waitedMs >= maxMs) return {busyPercent: busy, waitedMs};
	}
}
