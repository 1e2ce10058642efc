import {fixture} from '../../helpers/fixture.js';

/** A recorded broker reply from test/fixtures/kafka/ (see record.ts there), with its Buffers revived. */
export function recorded<T>(name: string): T {
	return JSON.parse(fixture(`kafka/${name}`), (_key, value: unknown) => {
		const candidate = value as {type?: unknown; data?: unknown} | null;
		return candidate?.type === 'Buffer' && Array.isArray(candidate.data) ? Buffer.from(candidate.data as number[]) : value;
	}) as T;
}
