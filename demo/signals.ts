/**
Resolves with the first SIGINT or SIGTERM. The handlers stay installed, so later signals are
ignored instead of killing the demo before its consumers have left their groups. One Ctrl-C can
arrive twice: from the terminal to the whole process group, and again relayed by npm and tsx.
*/
export function firstStopSignal(): Promise<NodeJS.Signals> {
	return new Promise(resolve => {
		process.on('SIGINT', resolve);
		process.on('SIGTERM', resolve);
	});
}

/** The promise's value if it settles within `ms`, else undefined; the promise is left running. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<undefined>(resolve => {
		timer = setTimeout(resolve, ms, undefined);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
