import {WriteError} from '../../cluster/write-types.js';
import {errorText} from './outcome-lines.js';

export const notCheckedReadOnly = 'ktop is read-only: the broker did not check this preview, and applying it will be refused';

/**
Has the broker check a write with its own rules without making it (validateOnly). A read-only
writer refuses even that, so the preview is still shown, saying it was not checked: the
operator sees what would happen, and apply is refused where every write is, in the writer.
*/
export async function dryRun(check: () => Promise<void>): Promise<{errors: string[]; warnings: string[]}> {
	try {
		await check();
		return {errors: [], warnings: []};
	} catch (error) {
		if (error instanceof WriteError && error.failure.code === 'READ_ONLY') return {errors: [], warnings: [notCheckedReadOnly]};
		return {errors: [errorText(error)], warnings: []};
	}
}
