/** A call that did not settle in time. */
export class NoReply extends Error {
	constructor(readonly timeoutMs: number) {
		super(`no reply within ${timeoutMs} ms`);
		this.name = 'NoReply';
	}
}

/**
Settles with `work`, or rejects with NoReply after `timeoutMs`. kafkajs enforces its own request
timeout, but not across connect + ApiVersions + request, and a lock inside it can wait longer:
this bound is the one a hung broker actually meets. A late rejection of `work` is swallowed.
*/
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	work.catch(() => undefined);
	try {
		return await Promise.race([
			work,
			new Promise<never>((_resolve, reject) => {
				timer = setTimeout(() => {
					reject(new NoReply(timeoutMs));
				}, timeoutMs);
			}),
		]);
	} finally {
		clearTimeout(timer);
	}
}
