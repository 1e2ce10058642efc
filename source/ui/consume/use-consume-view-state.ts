import {type Dispatch, useCallback, useRef, useState} from 'react';
import {type ConsumeViewAction, consumeViewReducer, type ConsumeViewState, initialConsumeViewState} from './consume-state.js';

/**
The consume view's state for `topic`, with the reducer applied at dispatch time (as useUiState
does), so keys of one chunk see each other's effect. A new topic starts afresh.
*/
export function useConsumeViewState(topic: string | undefined): {state: ConsumeViewState; dispatch: Dispatch<ConsumeViewAction>} {
	const ref = useRef({topic, state: initialConsumeViewState});
	const [, setVersion] = useState(0);
	if (ref.current.topic !== topic) ref.current = {topic, state: initialConsumeViewState};
	const dispatch = useCallback((action: ConsumeViewAction) => {
		const next = consumeViewReducer(ref.current.state, action);
		if (next === ref.current.state) return;
		ref.current = {...ref.current, state: next};
		setVersion(version => version + 1);
	}, []);
	return {state: ref.current.state, dispatch};
}
