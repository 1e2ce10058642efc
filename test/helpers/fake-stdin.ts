import {EventEmitter} from 'node:events';

/**
A TTY stdin for Ink that a test or benchmark types into: `write` delivers a chunk as a real
terminal would (readable + data), and the raw-mode calls Ink makes are accepted and ignored.
*/
export class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}
