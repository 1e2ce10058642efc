/** A call that did not settle in time: a slow or hung source, told apart from a failing one. */
export class NoReply extends Error {
	constructor(readonly timeoutMs: number, message = `no reply within ${timeoutMs} ms`) {
		super(message);
		this.name = 'NoReply';
	}
}

/**
Settles as `work` does, or rejects with NoReply after `timeoutMs`. The work itself goes on
(a native ZooKeeper call cannot be cancelled, and kafkajs' own request timeout does not cover
connect + ApiVersions + request, nor its internal locks): only the wait for it ends, and its
late rejection is swallowed.
*/
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, message?: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	work.catch(() => undefined);
	try {
		return await Promise.race([
			work,
			new Promise<never>((_resolve, reject) => {
				timer = setTimeout(() => {
					reject(new NoReply(timeoutMs, message));
				}, Math.max(0, timeoutMs));
			}),
		]);
	} finally {
		clearTimeout(timer);
	}
}
