/*
 * tests/browser/pagecheck.js: open HTML reports in headless Chromium and
 * check them the way an admin meets them.
 *
 * Usage: node --experimental-websocket pagecheck.js --chromium PATH
 *            --screens DIR [--full NAME,...] [--pipe]
 *            --page NAME:FIXES:FILE [--page ...]
 *
 * --pipe (the default where Node has no WebSocket) drives chromium over
 * --remote-debugging-pipe instead of its loopback debugging port.
 *
 * FIXES is how many fixes the XML report lists.  For each page: no
 * console error, no exception, no request but the file itself; at
 * 1280x800 the verdict banner and the whole fix list are visible without
 * scrolling; at 390 wide nothing is wider than the screen; status cells
 * hold a word and a symbol; headings do not skip levels; every table has
 * header cells with a scope; no script; printed, no table row breaks
 * across pages.
 * Saves DIR/NAME-1280.png and NAME-390.png (the first screen), NAME.pdf
 * (A4) and NAME-fixes.txt (one fix a line); for the pages named by
 * --full (whole-page shots are slow), NAME-1280-full.png and
 * NAME-390-full.png too.
 *
 * Prints "ok NAME: WHAT" or "not ok NAME: WHAT: WHY" per check.  Exit 0
 * when all pass, 1 when a check fails, 2 when the browser could not be
 * driven.  Everything is bounded in time; chromium is always stopped.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const cdp = require('./cdp.js');
const inspect = require('./inspect.js');

const TOTAL_MS = 150000;
const LOAD_MS = 15000;
const MAX_SHOT_HEIGHT = 16000;
const DESKTOP = { width: 1280, height: 800, deviceScaleFactor: 1,
    mobile: false };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 1,
    mobile: true };
/* A4 less Chromium's default 0.4 in margins, in CSS pixels. */
const PRINT = { width: 718, height: 1058, deviceScaleFactor: 1,
    mobile: false };
const STATUS_CELL = /^[\u2714\u2718?!~\u2013]\s*\p{L}{2,}/u;

let failures = 0;
let current = null;	/* the running browser, to stop on any exit */

function report(name, what, problem)
{
	if (problem === null || problem === undefined || problem === '') {
		console.log('ok ' + name + ': ' + what);
		return;
	}
	failures++;
	console.log('not ok ' + name + ': ' + what + ': ' + problem);
}

function usage(message)
{
	console.error('pagecheck: ' + message);
	console.error('usage: pagecheck.js --chromium PATH --screens DIR ' +
	    '--page NAME:FIXES:FILE...');
	process.exit(2);
}

function parseArgs(argv)
{
	const args = { chromium: null, screens: null, pages: [], full: [],
	    pipe: false };

	for (let i = 0; i < argv.length; i++) {
		const value = argv[i + 1];
		if (argv[i] === '--pipe') {
			args.pipe = true;
			continue;
		}
		if (value === undefined)
			usage(argv[i] + ' needs a value');
		if (argv[i] === '--chromium')
			args.chromium = value;
		else if (argv[i] === '--screens')
			args.screens = value;
		else if (argv[i] === '--page')
			args.pages.push(parsePage(value));
		else if (argv[i] === '--full')
			args.full = args.full.concat(value.split(','));
		else
			usage('unknown argument "' + argv[i] + '"');
		i++;
	}
	if (args.chromium === null || args.screens === null ||
	    args.pages.length === 0)
		usage('--chromium, --screens and --page are needed');
	return args;
}

function parsePage(value)
{
	const m = /^([A-Za-z0-9_-]+):(\d+):(.+)$/.exec(value);

	if (m === null)
		usage('--page "' + value + '" is not NAME:FIXES:FILE');
	return { name: m[1], fixes: Number(m[2]), file: path.resolve(m[3]),
	    full: false };
}

/* One attached tab: commands, and the events it has seen. */
class Tab {
	constructor(browser, sessionId)
	{
		this.browser = browser;
		this.sessionId = sessionId;
		this.events = [];
		this.waiters = [];
		this.off = browser.on((message) => {
			if (message.sessionId !== sessionId)
				return;
			this.events.push(message);
			if (message.method === 'Page.javascriptDialogOpening')
				this.send('Page.handleJavaScriptDialog',
				    { accept: false }).catch(() => null);
			for (const w of this.waiters.slice())
				if (w.method === message.method)
					w.resolve(message.params);
		});
	}

	send(method, params)
	{
		return this.browser.send(method, params, this.sessionId);
	}

	next(method, ms)
	{
		const event = new Promise((resolve) => {
			this.waiters.push({ method, resolve });
		});
		return cdp.deadline(event, ms, method);
	}

	/* Evaluate one of inspect.js's functions in the page, with an
	 * argument that JSON can carry. */
	async run(fn, arg)
	{
		const result = await this.send('Runtime.evaluate', {
			expression: '(' + fn.toString() + ')(' + (arg ===
			    undefined ? '' : JSON.stringify(arg)) + ')',
			returnByValue: true, awaitPromise: true
		});
		if (result.exceptionDetails)
			throw new Error(fn.name + ' failed in the page: ' +
			    result.exceptionDetails.text);
		return result.result.value;
	}

	async resize(metrics)
	{
		await this.send('Emulation.setDeviceMetricsOverride', metrics);
		await this.run(inspect.settle);
	}
}

async function open(browser, file)
{
	const target = await browser.send('Target.createTarget',
	    { url: 'about:blank' });
	const attached = await browser.send('Target.attachToTarget',
	    { targetId: target.targetId, flatten: true });
	const tab = new Tab(browser, attached.sessionId);

	tab.targetId = target.targetId;
	for (const domain of ['Runtime', 'Log', 'Network', 'Page'])
		await tab.send(domain + '.enable');
	await tab.resize(DESKTOP);
	tab.events = [];
	const loaded = tab.next('Page.loadEventFired', LOAD_MS);
	const nav = await tab.send('Page.navigate',
	    { url: pathToFileURL(file).href });
	if (nav.errorText)
		throw new Error('cannot load ' + file + ': ' + nav.errorText);
	await loaded;
	await cdp.sleep(200);
	return tab;
}

/* Console errors, exceptions, error log entries, outside requests. */
function checkQuiet(name, tab, file)
{
	const self = pathToFileURL(file).href;
	const noise = [];
	const requests = [];

	for (const e of tab.events) {
		const p = e.params;
		if (e.method === 'Runtime.consoleAPICalled' &&
		    (p.type === 'error' || p.type === 'assert'))
			noise.push('console.' + p.type + ': ' + p.args.map(
			    (a) => a.value !== undefined ? a.value :
			    a.description).join(' '));
		else if (e.method === 'Runtime.exceptionThrown')
			noise.push('exception: ' + p.exceptionDetails.text);
		else if (e.method === 'Page.javascriptDialogOpening')
			noise.push('a script opened a dialog: ' + p.message);
		else if (e.method === 'Log.entryAdded' &&
		    p.entry.level === 'error')
			noise.push('log: ' + p.entry.text);
		else if (e.method === 'Network.requestWillBeSent' &&
		    p.request.url !== self &&
		    !p.request.url.startsWith('data:'))
			requests.push(p.request.url);
	}
	report(name, 'no console error or exception', noise.join('; '));
	report(name, 'no request but the file itself', requests.length ?
	    requests.length + ' request(s): ' +
	    requests.slice(0, 3).join(' ') : null);
}

function visibleProblem(what, box, height)
{
	if (box === null)
		return what + ' not found';
	if (!box.shown)
		return what + ' is hidden';
	if (box.top < 0 || box.bottom > height)
		return what + ' spans ' + Math.round(box.top) + '..' +
		    Math.round(box.bottom) + ' px, beyond the first ' +
		    height + ' px';
	return null;
}

/* "3 changes needed ..." must match the fixes on the page. */
function headlineProblem(seen)
{
	const text = seen.heading ? seen.heading.text : '';
	const m = /(\d+) changes? needed/.exec(text);

	if (m !== null && Number(m[1]) !== seen.items.length)
		return 'the headline says ' + m[1] + ', the list has ' +
		    seen.items.length;
	return null;
}

function checkFirstScreen(name, page, seen)
{
	const h = seen.viewport.height;
	const symbol = /^[\u2714\u2718?!~]\s.*\p{L}{2,}/u;
	let problem;

	report(name, 'the page says its language', seen.lang ? null :
	    'no lang attribute on <html>');
	report(name, 'the verdict is visible without scrolling at 1280x800',
	    visibleProblem('the verdict banner', seen.banner, h));
	report(name, 'the verdict has a symbol and a word', seen.heading &&
	    symbol.test(seen.heading.text) ? null : 'heading "' +
	    (seen.heading ? seen.heading.text : '') + '"');
	problem = seen.items.length === page.fixes ? null : 'the page lists ' +
	    seen.items.length + ' fixes, the XML report ' + page.fixes;
	report(name, 'the fix list has every fix of the report', problem);
	report(name, 'the headline counts the fixes listed',
	    headlineProblem(seen));
	problem = page.fixes > 0 ?
	    visibleProblem('the fix list', seen.fixes, h) :
	    visibleProblem('the first section', seen.section, h);
	for (let i = 0; problem === null && i < seen.items.length; i++)
		problem = visibleProblem('fix ' + (i + 1), seen.items[i], h);
	report(name, 'the whole fix list is visible without scrolling at ' +
	    '1280x800', problem);
}

function checkStructure(name, s)
{
	const bad = [];
	let previous = 0;

	for (const h of s.headings) {
		if (h.level > previous + 1)
			bad.push('h' + h.level + ' "' + h.text + '" after h' +
			    previous);
		previous = h.level;
	}
	if (s.headings.filter((h) => h.level === 1).length !== 1)
		bad.push('not exactly one h1');
	report(name, 'headings go in order', bad.join('; '));
	report(name, 'the page holds no script', s.scripts === 0 ? null :
	    s.scripts + ' script element(s) or event handler(s)');

	const noHeader = s.tables.filter((t) => t.th === 0 ||
	    t.unscoped > 0).map((t) => 'table ' + (t.index + 1) + ' (' +
	    t.th + ' th, ' + t.unscoped + ' without scope)');
	report(name, 'every table has header cells with a scope',
	    s.tables.length === 0 ? 'no table at all' : noHeader.join('; '));

	const cells = [].concat(...s.tables.map((t) => t.status));
	const wordless = cells.filter((c) => !STATUS_CELL.test(c));
	report(name, 'every status cell has a symbol and a word',
	    cells.length === 0 ? 'no status cell found' :
	    wordless.length ? wordless.length + ' of ' + cells.length +
	    ', e.g. "' + wordless[0] + '"' : null);
}

function checkWidth(name, what, w)
{
	report(name, 'nothing is wider than the page ' + what,
	    w.scrollWidth <= w.limit ? null : 'scrollWidth ' +
	    w.scrollWidth + ' > ' + w.limit + ': ' + w.wide.join(', '));
}

/* The verdict and the fixes, names and all, wrap inside a phone's width
 * (not merely inside a box that scrolls sideways). */
function checkWrap(name, seen)
{
	const limit = PHONE.width + 0.5;
	const boxes = [['the verdict banner', seen.banner],
	    ['the fix list', seen.fixes]].concat(seen.items.map((b, i) =>
	    ['fix ' + (i + 1), b]));
	const wide = boxes.filter((b) => b[1] !== null && b[1].right > limit)
	    .map((b) => b[0] + ' reaches ' + Math.round(b[1].right) + ' px');

	report(name, 'the verdict and the fixes wrap at 390 px wide',
	    wide.join('; '));
}

async function screenshot(tab, file, full)
{
	const params = { format: 'png' };

	if (full) {
		const m = await tab.send('Page.getLayoutMetrics');
		const size = m.cssContentSize || m.contentSize;
		params.captureBeyondViewport = true;
		params.clip = { x: 0, y: 0, width: Math.ceil(size.width),
		    height: Math.min(Math.ceil(size.height), MAX_SHOT_HEIGHT),
		    scale: 1 };
	}
	const shot = await tab.send('Page.captureScreenshot', params);
	fs.writeFileSync(file, Buffer.from(shot.data, 'base64'));
}

async function checkPrint(name, tab, out)
{
	await tab.send('Emulation.setEmulatedMedia', { media: 'print' });
	await tab.resize(PRINT);
	const rows = await tab.run(inspect.printRows);
	checkWidth(name, 'printed on A4',
	    await tab.run(inspect.width, PRINT.width));
	await tab.send('Emulation.setEmulatedMedia', { media: '' });
	await tab.send('Emulation.clearDeviceMetricsOverride');
	report(name, 'printed, no table row is cut between pages',
	    rows.loose === 0 ? null : rows.loose + ' of ' + rows.rows +
	    ' rows may break inside');

	const pdf = await tab.send('Page.printToPDF', { paperWidth: 8.27,
	    paperHeight: 11.69, printBackground: true });
	const bytes = Buffer.from(pdf.data, 'base64');
	fs.writeFileSync(out + '.pdf', bytes);
	report(name, 'prints to an A4 PDF', bytes.subarray(0, 5).toString() ===
	    '%PDF-' ? null : 'Page.printToPDF gave no PDF');
}

async function checkPage(browser, page, screens)
{
	const out = path.join(screens, page.name);
	const tab = await open(browser, page.file);

	try {
		checkQuiet(page.name, tab, page.file);
		checkFirstScreen(page.name, page,
		    await tab.run(inspect.firstScreen));
		checkStructure(page.name, await tab.run(inspect.structure));
		fs.writeFileSync(out + '-fixes.txt', (await tab.run(
		    inspect.firstScreen)).items.map((i) => i.text + '\n')
		    .join(''));
		await screenshot(tab, out + '-1280.png', false);
		if (page.full)
			await screenshot(tab, out + '-1280-full.png', true);
		await tab.resize(PHONE);
		checkWidth(page.name, 'at 390 px wide',
		    await tab.run(inspect.width, PHONE.width));
		checkWrap(page.name, await tab.run(inspect.firstScreen));
		await screenshot(tab, out + '-390.png', false);
		if (page.full)
			await screenshot(tab, out + '-390-full.png', true);
		await checkPrint(page.name, tab, out);
	} finally {
		tab.off();
		await browser.send('Target.closeTarget',
		    { targetId: tab.targetId }).catch(() => null);
	}
}

async function main()
{
	const args = parseArgs(process.argv.slice(2));
	const guard = setTimeout(() => {
		console.error('pagecheck: gave up after ' + TOTAL_MS + ' ms');
		abandon(2);
	}, TOTAL_MS);

	fs.mkdirSync(args.screens, { recursive: true });
	let code = 0;
	try {
		current = await cdp.launch(args.chromium,
		    args.pipe || !cdp.hasWebSocket());
		for (const page of args.pages) {
			page.full = args.full.includes(page.name);
			await checkPage(current, page, args.screens);
		}
		code = failures > 0 ? 1 : 0;
	} catch (e) {
		console.error('pagecheck: ' + e.message);
		code = 2;
	} finally {
		if (current !== null)
			await current.close();
		current = null;
		clearTimeout(guard);
	}
	process.exit(code);
}

/* Stop the browser at once and leave with code. */
function abandon(code)
{
	if (current !== null) {
		current.kill('SIGKILL');
		current.remove();
	}
	process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
	process.on(signal, () => abandon(2));
process.on('uncaughtException', (e) => {
	try {
		process.stderr.write('pagecheck: ' + e.message + '\n');
	} finally {
		abandon(2);
	}
});

main();
