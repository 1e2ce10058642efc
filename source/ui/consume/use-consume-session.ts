import {useEffect, useState} from 'react';
import type {ConsumeSession} from '../../model/consume-types.js';

/**
Opens a consume session on a topic. The UI never reaches the cluster itself: run-tui hands the
app this function, wired to the consume engine (tests hand it a fake).
*/
export type ConsumeFactory = (topic: string) => Promise<ConsumeSession>;

export type SessionState = {session: ConsumeSession | undefined; error: string | undefined};

/**
The session for `topic` while there is one (undefined: no consume view): opened when the topic
is set, closed when it changes or goes (Esc back, another view, quit unmounting the app). A
session that finishes opening after it stopped being wanted is closed at once.
*/
export function useConsumeSession(topic: string | undefined, open: ConsumeFactory): SessionState {
	const [state, setState] = useState<SessionState & {topic: string | undefined}>({topic: undefined, session: undefined, error: undefined});
	useEffect(() => {
		if (topic === undefined) return;
		let wanted = true;
		let session: ConsumeSession | undefined;
		open(topic).then(
			opened => {
				if (!wanted) {
					void opened.close().catch(() => undefined);
					return;
				}

				session = opened;
				setState({topic, session, error: undefined});
			},
			(error: unknown) => {
				if (wanted) setState({topic, session: undefined, error: error instanceof Error ? error.message : String(error)});
			},
		);
		return () => {
			wanted = false;
			setState({topic: undefined, session: undefined, error: undefined});
			// Closing is the engine's: it commits nothing and leaves no group. Its failure has nowhere to show once the view is gone.
			void session?.close().catch(() => undefined);
		};
	}, [topic, open]);
	// A state left from the previous topic is not this one's: still opening.
	return state.topic === topic ? state : {session: undefined, error: undefined};
}
