import {EventEmitter} from 'node:events';
import {describe, expect, it, vi} from 'vitest';
import {
	enterAlternateScreen, guardTerminal, hideCursor, leaveAlternateScreen, notATerminalMessage, showCursor,
} from '../../source/ui/terminal.js';

/** A process stand-in: signals and crashes are events; exit is recorded, not performed. */
class FakeProcess extends EventEmitter {
	exit = vi.fn();
}

function setup() {
	const writes: string[] = [];
	const stdout = {write: (text: string) => writes.push(`out:${text}`)};
	const stderr = {write: (text: string) => writes.push(`err:${text}`)};
	const stdin = {isTTY: true, setRawMode: vi.fn((mode: boolean) => writes.push(`raw:${mode}`))};
	const process = new FakeProcess();
	const onAbort = vi.fn();
	const guard = guardTerminal({stdout, stderr, stdin, process, onAbort});
	const restoreSequence = `out:${showCursor}${leaveAlternateScreen}`;
	return {writes, process, onAbort, guard, stdin, restoreSequence};
}

describe('guardTerminal', () => {
	it('enters the alternate screen and hides the cursor at once', () => {
		const {writes} = setup();
		expect(writes).toHaveLength(1);
		expect(writes[0]!.startsWith(`out:${enterAlternateScreen}${hideCursor}`)).toBe(true);
	});

	it('restore leaves raw mode, shows the cursor and leaves the alternate screen, exactly once', () => {
		const {writes, guard, process, restoreSequence} = setup();
		guard.restore();
		guard.restore();
		process.emit('exit', 0);
		expect(writes.slice(1)).toEqual(['raw:false', restoreSequence]);
		expect(process.exit).not.toHaveBeenCalled();
	});

	for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const) {
		it(`${signal} restores the terminal, then exits ${code}`, () => {
			const {writes, process, onAbort, restoreSequence} = setup();
			process.emit(signal);
			expect(writes.slice(1)).toEqual(['raw:false', restoreSequence]);
			expect(onAbort).toHaveBeenCalledWith(signal);
			expect(process.exit).toHaveBeenCalledWith(code);
			// A second signal while exiting writes nothing more.
			process.emit(signal);
			expect(writes).toHaveLength(3);
		});
	}

	it('an uncaught exception restores first, then prints the error, then exits 1', () => {
		const {writes, process, restoreSequence} = setup();
		process.emit('uncaughtException', new Error('pane exploded'));
		expect(writes[2]).toBe(restoreSequence);
		expect(writes[3]).toMatch(/^err:ktop: crashed: Error: pane exploded\n {4}at /);
		expect(writes).toHaveLength(4);
		expect(process.exit).toHaveBeenCalledWith(1);
	});

	it('an unhandled rejection does the same', () => {
		const {writes, process, restoreSequence} = setup();
		process.emit('unhandledRejection', 'socket closed');
		expect(writes.slice(2)).toEqual([restoreSequence, 'err:ktop: crashed (unhandled rejection): socket closed\n']);
		expect(process.exit).toHaveBeenCalledWith(1);
	});

	it('stops listening once restored: a later signal is the default behaviour\'s again', () => {
		const {guard, process} = setup();
		expect(process.listenerCount('SIGTERM')).toBe(1);
		guard.restore();
		for (const event of ['SIGTERM', 'SIGHUP', 'SIGINT', 'uncaughtException', 'unhandledRejection', 'exit']) {
			expect(process.listenerCount(event), event).toBe(0);
		}
	});

	it('exits even when the abort callback throws', () => {
		const process = new FakeProcess();
		guardTerminal({
			stdout: {write() {}}, stderr: {write() {}}, stdin: {isTTY: false}, process,
			onAbort() {
				throw new Error('close failed');
			},
		});
		expect(() => process.emit('SIGTERM')).not.toThrow();
		expect(process.exit).toHaveBeenCalledWith(143);
	});
});

describe('notATerminalMessage', () => {
	it('is silent on a terminal and points scripts at snapshot and check otherwise', () => {
		expect(notATerminalMessage({isTTY: true}, {isTTY: true})).toBeUndefined();
		const piped = notATerminalMessage({isTTY: true}, {isTTY: undefined})!;
		expect(piped).toContain('stdout is not a TTY');
		expect(piped).toContain('ktop snapshot');
		expect(piped).toContain('ktop check');
		expect(notATerminalMessage({}, {isTTY: true})).toContain('stdin is not a TTY');
		expect(notATerminalMessage({}, {})).toContain('stdin and stdout are not a TTY');
	});
});
