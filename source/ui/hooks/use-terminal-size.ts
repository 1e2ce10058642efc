import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {columns: number; rows: number};

/**
The terminal's size, following resizes live. `fixed` pins either dimension (tests, or a caller
that knows better); an output that reports no size (not a TTY) counts as 80x24.
*/
export function useTerminalSize(fixed: Partial<TerminalSize> = {}): TerminalSize {
	const {stdout} = useStdout();
	const read = (): TerminalSize => ({columns: fixed.columns ?? (stdout.columns || 80), rows: fixed.rows ?? (stdout.rows || 24)});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => {
			const next = read();
			setSize(previous => (previous.columns === next.columns && previous.rows === next.rows ? previous : next));
		};

		// Also once now: the size may have changed between the first render and this effect.
		onResize();
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed.columns, fixed.rows]);
	return size;
}
