/** Bytes per hex dump line: the classic `hexdump -C` layout, 78 columns. */
const perLine = 16;

/**
`hexdump -C` lines: offset, sixteen bytes in two groups of eight, and the printable ASCII
(anything else as "."), so the right column is always safe to print.
*/
export function hexDump(bytes: Uint8Array): string[] {
	const lines: string[] = [];
	for (let start = 0; start < bytes.length; start += perLine) {
		let hex = '';
		let ascii = '';
		for (let index = start; index < start + perLine; index++) {
			if (index === start + perLine / 2) hex += ' ';
			if (index >= bytes.length) {
				hex += '   ';
				continue;
			}

			const byte = bytes[index]!;
			hex += `${byte < 16 ? '0' : ''}${byte.toString(16)} `;
			ascii += byte >= 0x20 && byte < 0x7F ? String.fromCharCode(byte) : '.';
		}

		lines.push(`${start.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`);
	}

	return lines;
}
