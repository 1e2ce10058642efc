import {type Dispatch, useEffect} from 'react';
import type {UiAction, UiState} from '../ui-state.js';

/** How long "refreshing…" or "unknown command" stays on the breadcrumb line. */
export const messageMs = 4000;

/** Clears the last message after a while, unless another replaced it meanwhile. */
export function useMessageExpiry(message: string | undefined, latest: () => UiState, dispatch: Dispatch<UiAction>): void {
	useEffect(() => {
		if (message === undefined) return;
		const timer = setTimeout(() => {
			if (latest().message === message) dispatch({type: 'message', text: undefined});
		}, messageMs);
		return () => clearTimeout(timer);
	}, [message, latest, dispatch]);
}
