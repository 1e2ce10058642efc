import {useEffect, useState} from 'react';
import type {ConsumeSession, StartPosition} from '../../model/consume-types.js';
import {parseStartPosition} from '../../model/start-position.js';
import type {ConsumeRef} from '../panes/pane.js';

/**
Opens a consume session on a topic, from `start` (undefined: the default, the end). The UI never
reaches the cluster itself: run-tui hands the app this function, wired to the consume engine
(tests hand it a fake).
*/
export type ConsumeFactory = (topic: string, start?: StartPosition) => Promise<ConsumeSession>;

export type SessionState = {session: ConsumeSession | undefined; error: string | undefined};

/**
The session for the consume view `ref` while there is one (undefined: no consume view): opened
when the ref is set, closed when it changes or goes (Esc back, another view, `b` or `:consume`
opening it anew, quit unmounting the app). The ref's identity is the session's: the reducer
makes a new ref for every opening, even of the same topic from the same start. Its `from` is read
here, at opening, so "-10m" means ten minutes before the view opened. A session that finishes
opening after it stopped being wanted is closed at once.
*/
export function useConsumeSession(ref: ConsumeRef | undefined, open: ConsumeFactory): SessionState {
	const [state, setState] = useState<SessionState & {ref: ConsumeRef | undefined}>({ref: undefined, session: undefined, error: undefined});
	useEffect(() => {
		if (ref === undefined) return;
		let wanted = true;
		let session: ConsumeSession | undefined;
		// Checked when typed; a bad one (an initial stack given by hand) fails the opening, shown as its error.
		const opening = (async () => open(ref.subject, ref.from === undefined ? undefined : parseStartPosition(ref.from)))();
		opening.then(
			opened => {
				if (!wanted) {
					void opened.close().catch(() => undefined);
					return;
				}

				session = opened;
				setState({ref, session, error: undefined});
			},
			(error: unknown) => {
				if (wanted) setState({ref, session: undefined, error: error instanceof Error ? error.message : String(error)});
			},
		);
		return () => {
			wanted = false;
			setState({ref: undefined, session: undefined, error: undefined});
			// Closing is the engine's: it commits nothing and leaves no group. Its failure has nowhere to show once the view is gone.
			void session?.close().catch(() => undefined);
		};
	}, [ref, open]);
	// A state left from the previous ref is not this one's: still opening.
	return state.ref === ref ? state : {session: undefined, error: undefined};
}
