import type {ConsumeSession} from '../../model/consume-types.js';
import type {ConsumeFactory} from './use-consume-session.js';

export type TrackedFactory = {
	open: ConsumeFactory;
	/** Closes every session still open: after the app is gone, so quitting never leaves a reader behind. */
	closeAll(): Promise<void>;
};

/**
The view closes its session when it goes (Esc, another view, the app unmounting on quit), but
it cannot wait for the close to finish. run-tui wraps the factory with this, so it can await the
closes of whatever is still open before it returns. Closing a session twice is harmless.
*/
export function trackSessions(open: ConsumeFactory, log: (line: string) => void = () => undefined): TrackedFactory {
	const live = new Set<ConsumeSession>();
	return {
		async open(topic, start) {
			let session: ConsumeSession;
			try {
				session = await open(topic, start);
			} catch (error) {
				log(`consume ${topic}: cannot open: ${(error as Error).message}`);
				throw error;
			}

			log(`consume ${topic}: opened`);
			const tracked: ConsumeSession = {
				get topic() {
					return session.topic;
				},
				get start() {
					return session.start;
				},
				get partitions() {
					return session.partitions;
				},
				getRecords: () => session.getRecords(),
				getStats: () => session.getStats(),
				setFilter: pattern => session.setFilter(pattern),
				getFilter: () => session.getFilter(),
				pause: () => session.pause(),
				resume: () => session.resume(),
				subscribe: listener => session.subscribe(listener),
				async close() {
					if (!live.delete(tracked)) return;
					log(`consume ${topic}: closed`);
					await session.close();
				},
			};
			live.add(tracked);
			return tracked;
		},
		async closeAll() {
			await Promise.allSettled([...live].map(async session => session.close()));
		},
	};
}
