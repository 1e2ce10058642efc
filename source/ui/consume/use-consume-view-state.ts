import {type Dispatch, useCallback, useRef, useState} from 'react';
import type {ConsumeRef} from '../panes/pane.js';
import {type ConsumeViewAction, consumeViewReducer, type ConsumeViewState, initialConsumeViewState} from './consume-state.js';

/**
The consume view's state for the view `ref`, with the reducer applied at dispatch time (as
useUiState does), so keys of one chunk see each other's effect. A new ref (another topic, or the
same one opened anew) starts afresh, as its session does.
*/
export function useConsumeViewState(view: ConsumeRef | undefined): {state: ConsumeViewState; dispatch: Dispatch<ConsumeViewAction>} {
	const ref = useRef({view, state: initialConsumeViewState});
	const [, setVersion] = useState(0);
	if (ref.current.view !== view) ref.current = {view, state: initialConsumeViewState};
	const dispatch = useCallback((action: ConsumeViewAction) => {
		const next = consumeViewReducer(ref.current.state, action);
		if (next === ref.current.state) return;
		ref.current = {...ref.current, state: next};
		setVersion(version => version + 1);
	}, []);
	return {state: ref.current.state, dispatch};
}
