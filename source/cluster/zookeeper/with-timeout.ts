/** The error withTimeout rejects with, so callers can tell a slow source from a failing one. */
export class TimeoutError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TimeoutError';
	}
}

/**
Settles as `promise` does, or rejects with a TimeoutError after `timeoutMs`. The work itself
goes on (a native ZooKeeper call cannot be cancelled); only the wait for it ends.
*/
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => {
			reject(new TimeoutError(message));
		}, Math.max(0, timeoutMs));
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
