import {EventEmitter} from 'node:events';
import {FakeStdin} from '../../test/helpers/fake-stdin.js';

export {FakeStdin};

/**
A terminal of a given size for Ink to draw on, counting what it is sent (as test/ui/harness.tsx
does for the tests). isTTY is true so Ink behaves as on a real terminal: full frames through
log-update, no CI shortcuts.
*/
export class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	/** Frames written (Ink also writes bare cursor sequences; a frame has lines). */
	frames = 0;
	bytes = 0;
	last = '';
	constructor(public columns: number, public rows: number) {
		super();
	}

	write = (chunk: string) => {
		this.bytes += chunk.length;
		if (!chunk.includes('\n')) return true;
		this.frames++;
		this.last = chunk;
		return true;
	};
}

