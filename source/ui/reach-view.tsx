import {Box, Text, useApp, useInput} from 'ink';
import React, {useEffect, useState} from 'react';
import {startPoller} from '../model/poller.js';
import type {ClusterReach} from '../model/reach.js';
import {ago, reachLines, type Tone} from '../text/reach-lines.js';
import {sanitize} from '../text/sanitize.js';

const colorOf: Record<Tone, string | undefined> = {ok: 'green', warn: 'yellow', bad: 'red', plain: undefined};

/**
Live connection report: what ktop reaches of the cluster, refreshed on an interval.
`load` is supplied by the caller (the CLI wires it to the model), so the view never
touches the network itself and tests can hand it recorded data.
*/
export function ReachView({load, intervalMs}: {load: () => Promise<ClusterReach>; intervalMs: number}) {
	const {exit} = useApp();
	const [reach, setReach] = useState<ClusterReach>();
	const [failure, setFailure] = useState<string>();
	const [now, setNow] = useState(Date.now());

	useEffect(() => {
		const poller = startPoller({
			intervalMs,
			task: load,
			onResult(result) {
				setReach(result);
				setFailure(undefined);
			},
			onError(error) {
				setFailure(error.message);
			},
		});
		const clock = setInterval(() => setNow(Date.now()), 1000);
		return () => {
			poller.stop();
			clearInterval(clock);
		};
	}, [load, intervalMs]);

	useInput((input, key) => {
		if (input === 'q' || key.escape || (key.ctrl && input === 'c')) exit();
	});

	return (
		<Box flexDirection="column">
			<Text bold>ktop: connection report <Text dimColor>(refreshed every {intervalMs / 1000}s{reach ? `, last ${ago(now - reach.takenAt)} ago` : ''}; q quits)</Text></Text>
			{!reach && !failure && <Text dimColor>connecting…</Text>}
			{failure && <Text color="red">refresh failed: {sanitize(failure)}</Text>}
			{reach && reachLines(reach, now).map((line, index) => (
				<Text key={index} color={colorOf[line.tone]} wrap="truncate-end">{line.text}</Text>
			))}
		</Box>
	);
}
