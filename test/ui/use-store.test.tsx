import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import React, {useLayoutEffect} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {type StoreView, useStoreVersion} from '../../source/ui/hooks/use-store.js';
import {fakeStore, tick} from './harness.js';
import {healthySnapshot} from './snapshots.js';

afterEach(() => cleanup());

function Probe({store}: {store: StoreView}) {
	useStoreVersion(store);
	return <Text>{store.getSnapshot()?.clusterId ?? 'nothing yet'}</Text>;
}

describe('useStoreVersion', () => {
	it('catches a refresh that landed between the first render and the subscription', async () => {
		const store = fakeStore();
		// Layout effects run after the render and before passive effects, where the hook subscribes:
		// a notification sent there reaches no listener yet.
		function Mover() {
			useLayoutEffect(() => store.set(healthySnapshot({clusterId: 'arrived-early'})), []);
			return null;
		}

		const {lastFrame} = render(<><Probe store={store} /><Mover /></>);
		await tick();
		expect(lastFrame()).toBe('arrived-early');
	});
});
