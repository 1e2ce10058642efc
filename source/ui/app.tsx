import {Box, Text, useApp} from 'ink';
import React, {useEffect, useMemo} from 'react';
import type {ActionFactory, Outcome, Preview} from '../model/actions/types.js';
import {sanitize} from '../text/sanitize.js';
import {ActionDialog} from './actions/action-dialog.js';
import {useActionDialog} from './actions/use-action-dialog.js';
import {Breadcrumbs} from './components/breadcrumbs.js';
import {Header} from './components/header.js';
import {helpPages, helpSections, hintText} from './help-text.js';
import {Help} from './components/help.js';
import {HintLine} from './components/hint-line.js';
import {LineWidth} from './components/line-width.js';
import {Prompt} from './components/prompt.js';
import {SpansLine} from './components/spans-line.js';
import {Table} from './components/table.js';
import {ColorContext, colorAllowed} from './components/tone.js';
import {ConsumeBody} from './consume/consume-body.js';
import {useConsume} from './consume/use-consume.js';
import type {ConsumeFactory} from './consume/use-consume-session.js';
import {usePaneView} from './hooks/use-pane-view.js';
import {type StoreView, useStoreVersion} from './hooks/use-store.js';
import {useMessageExpiry} from './hooks/use-message-expiry.js';
import {useUiState} from './hooks/use-ui-state.js';
import type {ViewRef} from './panes/pane.js';
import {currentView, rowsSignature, scrollOffset, viewStateOf} from './ui-state.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {KeypressProvider} from './input/keypress-context.js';
import {useShellKeys} from './input/use-shell-keys.js';
import {contextColumns, contextRows} from './contexts/context-rows.js';
import type {ContextsControl} from './contexts/contexts-control.js';
import {useContextPicker} from './contexts/use-context-picker.js';
import {columnWidths} from './table/column-widths.js';
import type {Keymap} from './keymap.js';
import {frameLayout, tooSmallLines} from './layout.js';
import {defaultView, type PaneRegistry} from './pane-registry.js';

export type AppProps = {
	store: StoreView;
	/** Asks the poller for a refresh now; the UI itself never touches the network. */
	refreshNow: () => void;
	/** Opens a consume session on a topic (run-tui wires the consume engine): the consume view only calls this. */
	consume: ConsumeFactory;
	/**
	Topic and group actions (run-tui wires them to the cluster writer): the UI only calls the
	form's info, plan and apply it is given. Without it, action keys say they are not available.
	*/
	actions?: ActionFactory | undefined;
	/**
	Told once per apply, with the preview confirmed and the outcome shown (failed ones too), so
	run-tui can put the write on the timeline and in the log. Never for an action left unapplied.
	*/
	onActionDone?: ((preview: Preview, outcome: Outcome) => void) | undefined;
	/** Where to open instead of the default view, e.g. topics › consume orders for `ktop consume orders`. */
	initialStack?: readonly ViewRef[];
	registry: PaneRegistry;
	keymap: Keymap;
	intervalMs: number;
	/** What ktop connects to, shown until the first snapshot arrives. */
	target: string;
	/** The named context this cluster is (the header names it; read-only ones show read-only). */
	context?: {name: string; readOnly: boolean} | undefined;
	/** `:ctx`: the config file's contexts and the switch between them (run-tui wires it). */
	contexts?: ContextsControl | undefined;
	/** Pin the size (tests); by default the terminal's, following resizes. */
	columns?: number;
	rows?: number;
	now?: () => number;
	/** Colour allowed; by default unless NO_COLOR is set. */
	color?: boolean;
};

const pickerHint = '↑↓ move · Enter switch to this context · Esc close';

/** The TUI: the keypress dispatcher around the shell. */
export function App(props: AppProps) {
	return (
		<ColorContext.Provider value={props.color ?? colorAllowed()}>
			<KeypressProvider keymap={props.keymap}>
				<Shell {...props} />
			</KeypressProvider>
		</ColorContext.Provider>
	);
}

function Shell({store, refreshNow, consume, actions, onActionDone, initialStack, registry, keymap, intervalMs, target, context, contexts, columns: fixedColumns, rows: fixedRows, now = Date.now}: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize({columns: fixedColumns, rows: fixedRows});
	useStoreVersion(store);
	const snapshot = store.getSnapshot();
	const {state, dispatch, latest} = useUiState(initialStack);
	useMessageExpiry(state.message, latest, dispatch);
	useEffect(() => {
		if (snapshot && state.stack.length === 0) dispatch({type: 'start', view: defaultView(snapshot)});
	}, [snapshot, state.stack.length]);

	const layout = frameLayout(rows);
	const view = usePaneView({registry, snapshot, events: store.getEvents(), state, columns, bodyRows: layout.bodyRows, now});
	// Below the breadcrumbs: the pane's summary line, the table header and its rows (or help, an action's dialog, or the consume view).
	const bodyHeight = layout.bodyRows + 1 + (layout.summary ? 1 : 0);
	const help = useMemo(() => (state.helpOpen ? helpPages(helpSections(keymap, view.columns), columns, bodyHeight) : undefined), [state.helpOpen, keymap, view.columns, columns, bodyHeight]);
	const dialog = useActionDialog({actions, onActionDone, keymap, state, latest, dispatch, refreshNow, width: columns, height: bodyHeight});
	const picker = useContextPicker({contexts, active: context?.name, dispatch});
	useShellKeys({
		latest, dispatch, keymap, registry,
		renderedRows: rowsSignature(state), rows: view.rows, keys: view.keys, columns: view.columns, defaultSort: view.pane?.defaultSort,
		pageSize: Math.max(1, layout.bodyRows - 1), helpPages: help?.length ?? 1, openAction: dialog.open, quit: exit, refreshNow,
		openContexts: picker.open, contextNames: picker.names,
	});

	const ref = currentView(state);
	const consumeView = useConsume({
		view: ref?.view === 'consume' ? ref : undefined,
		open: consume,
		filter: viewStateOf(state, ref).filter,
		keymap,
		active() {
			const current = latest();
			return currentView(current)?.view === 'consume' && !current.helpOpen && current.prompt.mode === 'none' && !current.dialog;
		},
		shellDispatch: dispatch,
		width: columns,
		// Its status line takes the summary line's place.
		height: bodyHeight,
	});

	if (layout.tooSmall) {
		return <Box flexDirection="column">{tooSmallLines(columns, rows).map((line, index) => <Text key={index}>{line}</Text>)}</Box>;
	}

	const stale = store.getStale();
	const dialogView = dialog.view;
	const pickerView = picker.shown && dialogView === undefined ? picker.shown : undefined;
	const pickerColumns = pickerView ? contextColumns(pickerView.contexts) : undefined;
	const pickerOffset = pickerView ? scrollOffset(0, pickerView.cursor, layout.bodyRows, pickerView.contexts.length) : 0;
	// Help, a dialog and the context picker replace the body: no table to count rows of.
	const overlay = state.helpOpen || dialogView !== undefined || pickerView !== undefined;
	const waiting = snapshot ? undefined : stale ? `cannot read the cluster yet: ${sanitize(stale.error)}` : `waiting for the first refresh of ${sanitize(target)}…`;
	return (
		<LineWidth.Provider value={columns}>
			<Box flexDirection="column" width={columns} height={layout.height}>
				<Header
					snapshot={snapshot}
					latest={() => ({snapshot: store.getSnapshot(), stale: store.getStale()})}
					target={target}
					context={context?.name}
					intervalMs={intervalMs}
					readOnly={keymap.readOnly}
					lines={layout.headerLines}
					now={now}
				/>
				<Breadcrumbs
					trail={[
						...view.trail, ...(consumeView?.trailTail ? [consumeView.trailTail] : []),
						...(dialogView ? [dialogView.title] : []), ...(pickerView ? ['contexts'] : []), ...(state.helpOpen ? ['help'] : []),
					]}
					filter={view.filter}
					// The consume view's filter is a regex the session applies; its own message says when it is not one.
					filterError={consumeView ? undefined : view.filterError}
					shown={overlay ? undefined : consumeView?.shown ?? view.keys.length}
					total={overlay ? undefined : consumeView ? consumeView.total : view.total}
					message={consumeView?.message ?? view.paneError ?? state.message}
				/>
				{layout.summary && !overlay && !consumeView && <SpansLine spans={[{text: view.summary ?? ' ', tone: 'dim'}]} />}
				{/* Clipped vertically only: Ink already wraps or cuts every Text to this column's width, and
				clipping horizontally too re-slices each line's ANSI text, a quarter of a wide frame's drawing. */}
				<Box flexDirection="column" flexGrow={1} overflowY="hidden">
					{dialogView
						? <ActionDialog lines={dialogView.lines} />
						: pickerView
							? <Table
								columns={pickerColumns!}
								widths={columnWidths(pickerColumns!, columns)}
								rows={contextRows(pickerView.contexts, context?.name).slice(pickerOffset, pickerOffset + layout.bodyRows)}
								cursor={pickerView.cursor - pickerOffset}
								sort={undefined}
								changed={() => undefined}
								empty=""
							/>
						: help ? <Help lines={help[Math.min(state.helpPage, help.length - 1)] ?? []} />
						: consumeView
							? <ConsumeBody view={consumeView} />
							: waiting
								? <SpansLine spans={[{text: waiting, tone: 'dim'}]} />
								: <Table
									columns={view.columns}
									widths={view.widths}
									rows={view.visible}
									cursor={view.cursor}
									sort={view.sort}
									changed={view.changed}
									empty={view.filter === '' ? view.pane?.empty ?? '' : `no rows match /${sanitize(view.filter)}/`}
								/>}
				</Box>
				{state.prompt.mode === 'none'
					? <HintLine keymap={keymap} layer={state.helpOpen ? 'help' : consumeView?.layer ?? 'table'} place={{view: ref?.view === 'consume' ? undefined : ref?.view, width: columns}} text={dialogView?.hint ?? (pickerView ? pickerHint : undefined)} />
					: <Prompt mode={state.prompt.mode} text={state.prompt.text} hint={hintText(keymap, 'prompt')} />}
			</Box>
		</LineWidth.Provider>
	);
}
