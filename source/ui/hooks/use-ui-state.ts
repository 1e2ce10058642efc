import {type Dispatch, useCallback, useRef, useState} from 'react';
import type {ViewRef} from '../panes/pane.js';
import {initialUiState, type UiAction, uiReducer, type UiState} from '../ui-state.js';

/**
The shell's state, with the reducer applied at dispatch time rather than at render time, so
`latest()` already includes every action of a chunk of keys being handled (":zk" arrives as one
chunk: the ':' must open the prompt before the 'z' is looked at). `state` is what was rendered.
`initialStack` opens somewhere other than the default view (`ktop consume <topic>`).
*/
export function useUiState(initialStack: readonly ViewRef[] = []): {state: UiState; dispatch: Dispatch<UiAction>; latest: () => UiState} {
	const [initial] = useState<UiState>(() => ({...initialUiState, stack: [...initialStack]}));
	const ref = useRef(initial);
	const [state, setState] = useState(initial);
	const dispatch = useCallback((action: UiAction) => {
		ref.current = uiReducer(ref.current, action);
		setState(ref.current);
	}, []);
	const latest = useCallback(() => ref.current, []);
	return {state, dispatch, latest};
}
