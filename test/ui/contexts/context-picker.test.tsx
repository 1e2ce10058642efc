import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {ContextSummary} from '../../../source/config/context-summary.js';
import type {ContextsControl} from '../../../source/ui/contexts/contexts-control.js';
import {completeContextName, parseCommandLine} from '../../../source/ui/input/command-line.js';
import {fakeStore, keys, renderApp} from '../harness.js';
import {healthySnapshot} from '../snapshots.js';

afterEach(() => cleanup());

const summaries: ContextSummary[] = [
	{name: 'local', current: true, zookeeper: '127.0.0.1:2181', bootstrap: '127.0.0.1:9092', protocol: 'PLAINTEXT', zookeeperAuth: undefined, readOnly: false, interval: undefined},
	{name: 'secure-scram', current: false, zookeeper: '127.0.0.1:2191', bootstrap: '127.0.0.1:9192', protocol: 'SASL_SSL', zookeeperAuth: 'digest', readOnly: true, interval: 5},
	{name: 'staging', current: false, zookeeper: undefined, bootstrap: 'stage:9092', protocol: 'SSL', zookeeperAuth: undefined, readOnly: false, interval: undefined},
];

function control(refuse?: string): ContextsControl & {switched: string[]} {
	const switched: string[] = [];
	return {
		switched,
		list: () => ({file: '/home/op/.config/ktop/config.yaml', contexts: summaries}),
		switchTo(name) {
			switched.push(name);
			return refuse;
		},
	};
}

describe(':ctx', () => {
	it('the header names the context, before anything else on its line', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()), {context: {name: 'local', readOnly: false}});
		expect(app.frame().split('\n')[0]).toMatch(/^ktop ctx local │ zk 3\/3/);
		const waiting = await renderApp(fakeStore(), {context: {name: 'secure-scram', readOnly: true}, keymap: (await import('../../../source/ui/keymap.js')).buildKeymap({readOnly: true})});
		expect(waiting.frame().split('\n')[0]).toMatch(/^ktop ctx secure-scram read-only connecting to 127\.0\.0\.1:2181…/);
	});

	it('lists the contexts (name, zookeeper, bootstrap, protocol, read-only) with the one in use marked; ↓ Enter switches to the one chosen', async () => {
		const contexts = control();
		const app = await renderApp(fakeStore(healthySnapshot()), {context: {name: 'local', readOnly: false}, contexts});
		await app.type(':ctx', keys.enter);
		const frame = app.frame();
		expect(frame).toMatch(/^topics › contexts/m);
		expect(frame).toMatch(/NAME\s+ZOOKEEPER\s+BOOTSTRAP\s+PROTOCOL\s+READ-ONLY/);
		expect(frame).toMatch(/^\* local\s+127\.0\.0\.1:2181\s+127\.0\.0\.1:9092\s+PLAINTEXT\s+no/m);
		expect(frame).toMatch(/^ {2}secure-scram\s+127\.0\.0\.1:2191\s+127\.0\.0\.1:9192\s+SASL_SSL\s+yes/m);
		expect(frame).toMatch(/^ {2}staging\s+-\s+stage:9092\s+SSL\s+no/m);
		expect(frame).toContain('Enter switch to this context');
		await app.type(keys.down, keys.enter);
		expect(contexts.switched).toEqual(['secure-scram']);
		expect(app.frame()).not.toContain('READ-ONLY');
	});

	it('Esc closes the list without switching; keys do not reach the view beneath while it is open', async () => {
		const contexts = control();
		const app = await renderApp(fakeStore(healthySnapshot()), {context: {name: 'local', readOnly: false}, contexts});
		await app.type(':ctx', keys.enter, 'x', 'r');
		expect(app.frame()).toContain('READ-ONLY');
		await app.type(keys.escape);
		expect(app.frame()).not.toContain('READ-ONLY');
		expect(app.frame()).toMatch(/^topics \(42\)/m);
		expect(contexts.switched).toEqual([]);
	});

	it(':ctx <name> switches at once; a refused switch says why and stays', async () => {
		const contexts = control('no context "nope" in /x.yaml; contexts: local, secure-scram');
		const app = await renderApp(fakeStore(healthySnapshot()), {context: {name: 'local', readOnly: false}, contexts});
		await app.type(':ctx nope', keys.enter);
		expect(contexts.switched).toEqual(['nope']);
		expect(app.frame()).toContain('cannot switch to context nope: no context "nope" in /x.yaml');
		expect(app.frame()).toMatch(/^topics \(42\)/m);
	});

	it('Tab completes the command and then a context name', async () => {
		const contexts = control();
		const app = await renderApp(fakeStore(healthySnapshot()), {contexts});
		await app.type(':ct', keys.tab);
		expect(app.frame()).toMatch(/^:ctx {2,}Enter apply/m);
		await app.type(' se', keys.tab, keys.enter);
		expect(contexts.switched).toEqual(['secure-scram']);
	});

	it('without a config file, :ctx says so', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type(':ctx', keys.enter);
		expect(app.frame()).toContain('no contexts: ktop was not started with a config file');
	});
});

describe('the :ctx command line', () => {
	it('parses :ctx, :ctx <name> (case kept) and its long forms', () => {
		const none = () => undefined;
		expect(parseCommandLine('ctx', none)).toEqual({kind: 'context'});
		expect(parseCommandLine(' context  Prod ', none)).toEqual({kind: 'context', name: 'Prod'});
		expect(parseCommandLine('contexts', none)).toEqual({kind: 'context'});
		expect(parseCommandLine('ctx a b', none)).toMatchObject({kind: 'usage'});
	});

	it('completes context names by prefix, listing the candidates', () => {
		const names = () => ['local', 'secure-mtls', 'secure-scram', 'Prod'];
		expect(completeContextName('ctx sec', names)).toEqual({text: 'ctx secure-', candidates: ['ctx secure-mtls', 'ctx secure-scram']});
		expect(completeContextName('ctx P', names)).toEqual({text: 'ctx Prod', candidates: ['ctx Prod']});
		expect(completeContextName('ctx', names)).toBeUndefined();
		expect(completeContextName('topics x', names)).toBeUndefined();
	});
});
