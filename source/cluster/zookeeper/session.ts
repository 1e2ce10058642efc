import ZooKeeper from 'zookeeper';

/**
A ZooKeeper session, narrowed to the reads ktop needs, with errors as plain messages.
The native client's own logging is switched off (debug_level 0): it writes to stderr,
which would corrupt a full-screen terminal UI.
*/
export type ZkSession = {
	getChildren(path: string): Promise<string[]>;
	/** The znode's data as UTF-8 text, or undefined when the znode does not exist. */
	getData(path: string): Promise<{data: string; ctime: number; mtime: number} | undefined>;
	/** The ensemble's dynamic configuration (`/zookeeper/config`). */
	getConfig(): Promise<string>;
	close(): void;
};

type NativeStat = {ctime: number; mtime: number};

const noNodeCode = -101;

export async function openZkSession(connect: string, timeoutMs = 10_000): Promise<ZkSession> {
	const client = new ZooKeeper({
		connect,
		timeout: Math.min(timeoutMs, 10_000),
		debug_level: 0,
		host_order_deterministic: false,
	});

	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			client.close();
			reject(new Error(`could not open a ZooKeeper session with ${connect} within ${Math.round(timeoutMs / 1000)} s`));
		}, timeoutMs);
		client.once('connect', () => {
			clearTimeout(timer);
			resolve();
		});
		client.init({});
	});

	return {
		async getChildren(path) {
			try {
				return await client.get_children(path, false) as string[];
			} catch (error) {
				throw zkError(error, path);
			}
		},
		async getData(path) {
			try {
				const [stat, data] = await client.get(path, false) as [NativeStat, Buffer | string | null];
				return {data: data === null ? '' : data.toString(), ctime: stat.ctime, mtime: stat.mtime};
			} catch (error) {
				if (errorCode(error) === noNodeCode) return undefined;
				throw zkError(error, path);
			}
		},
		async getConfig() {
			try {
				// The callback passes (stat, data), so the promise resolves to a pair despite its typings.
				const reply = await client.getconfig(false) as unknown;
				const data = Array.isArray(reply) ? reply[1] as Buffer | string | null : reply as Buffer | string | null;
				return data === null ? '' : data.toString();
			} catch (error) {
				throw zkError(error, '/zookeeper/config');
			}
		},
		close() {
			client.close();
		},
	};
}

/** The promise API rejects with `new Error("<rc> <message>")`; the rc is ZooKeeper's error code. */
function errorCode(error: unknown): number | undefined {
	const match = /^(-?\d+) /.exec(error instanceof Error ? error.message : '');
	return match ? Number(match[1]) : undefined;
}

function zkError(error: unknown, path: string): Error {
	const message = error instanceof Error ? error.message : String(error);
	return new Error(`ZooKeeper read of ${path} failed: ${message}`);
}
