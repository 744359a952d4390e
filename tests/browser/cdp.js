/*
 * tests/browser/cdp.js: a minimal Chrome DevTools Protocol client for
 * the browser test, with no npm dependencies.
 *
 * launch() starts Debian's chromium headless with a throwaway profile
 * and no background networking, and speaks to it one of two ways: over
 * a WebSocket (Node 20's global WebSocket, from --experimental-websocket)
 * to the debugging port on loopback that chromium picks itself and
 * writes to DevToolsActivePort; or, where Node has no WebSocket (Debian
 * 12's Node 18), over --remote-debugging-pipe: file descriptors 3 and 4,
 * one JSON message per NUL-terminated chunk.  Every command has a
 * timeout; close() always stops the browser's process group and removes
 * the profile.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const COMMAND_MS = 15000;
const START_MS = 20000;
const STDERR_CAP = 16384;
const PIPE_CAP = 256 * 1024 * 1024;	/* one message, e.g. a PDF */

const FLAGS = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync'
];

function sleep(ms)
{
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/* A promise that rejects with what after ms, unless promise settles. */
function deadline(promise, ms, what)
{
	let timer;
	const expiry = new Promise((resolve, reject) => {
		timer = setTimeout(() => reject(new Error(what +
		    ': no answer within ' + ms + ' ms')), ms);
	});
	return Promise.race([promise, expiry]).finally(() =>
	    clearTimeout(timer));
}

class Browser {
	/* home holds the profile and chromium's own TMPDIR; all of it is
	 * removed on close. */
	constructor(child, home)
	{
		this.child = child;
		this.home = home;
		this.profile = path.join(home, 'profile');
		this.socket = null;
		this.post = null;	/* sends one message, once connected */
		this.nextId = 1;
		this.pending = new Map();
		this.listeners = [];
		this.stderr = '';
		this.exited = false;
		child.on('exit', () => { this.exited = true; });
		child.stderr.on('data', (chunk) => {
			if (this.stderr.length < STDERR_CAP)
				this.stderr += chunk.toString();
		});
	}

	/* Wait for DevToolsActivePort: its first line is the port, the
	 * second the browser's WebSocket path. */
	async endpoint()
	{
		const file = path.join(this.profile, 'DevToolsActivePort');
		const until = Date.now() + START_MS;

		while (Date.now() < until && !this.exited) {
			let lines = [];
			try {
				lines = fs.readFileSync(file, 'utf8')
				    .split('\n');
			} catch (e) {
				lines = [];
			}
			if (lines.length >= 2 && /^\d+$/.test(lines[0]) &&
			    lines[1].startsWith('/devtools/browser/'))
				return 'ws://127.0.0.1:' + lines[0] + lines[1];
			await sleep(50);
		}
		throw new Error('chromium did not open its debugging port: ' +
		    this.stderr.trim().split('\n').slice(-5).join(' | '));
	}

	async connect()
	{
		const url = await this.endpoint();
		const socket = new WebSocket(url);

		await deadline(new Promise((resolve, reject) => {
			socket.onopen = resolve;
			socket.onerror = () => reject(new Error('cannot ' +
			    'connect to ' + url));
		}), COMMAND_MS, 'connect');
		socket.onmessage = (event) => this.receive(event.data);
		socket.onclose = () => {
			this.post = null;
			this.fail(new Error('the DevTools connection closed'));
		};
		this.socket = socket;
		this.post = (text) => socket.send(text);
	}

	/* --remote-debugging-pipe: chromium reads fd 3, writes fd 4. */
	connectPipe()
	{
		const input = this.child.stdio[3];
		const output = this.child.stdio[4];
		let chunks = [];
		let size = 0;

		output.on('data', (chunk) => {
			let start = 0;
			let nul = chunk.indexOf(0);

			while (nul >= 0) {
				chunks.push(chunk.subarray(start, nul));
				this.receive(Buffer.concat(chunks).toString());
				chunks = [];
				size = 0;
				start = nul + 1;
				nul = chunk.indexOf(0, start);
			}
			size += chunk.length - start;
			chunks.push(chunk.subarray(start));
			if (size > PIPE_CAP)
				output.destroy(new Error('message too large'));
		});
		output.on('close', () => {
			this.post = null;
			this.fail(new Error('the DevTools pipe closed'));
		});
		input.on('error', () => { this.post = null; });
		this.post = (text) => input.write(text + '\0');
	}

	receive(data)
	{
		const message = JSON.parse(data);
		const waiter = this.pending.get(message.id);

		if (message.id === undefined) {
			for (const listener of this.listeners.slice())
				listener(message);
			return;
		}
		if (waiter === undefined)
			return;
		this.pending.delete(message.id);
		if (message.error)
			waiter.reject(new Error(waiter.method + ': ' +
			    message.error.message));
		else
			waiter.resolve(message.result);
	}

	fail(error)
	{
		for (const waiter of this.pending.values())
			waiter.reject(error);
		this.pending.clear();
	}

	/* Send one command, to the browser or to an attached session. */
	send(method, params, sessionId)
	{
		const id = this.nextId++;
		const message = { id, method, params: params || {} };

		if (sessionId !== undefined)
			message.sessionId = sessionId;
		const answer = new Promise((resolve, reject) => {
			this.pending.set(id, { method, resolve, reject });
		});
		if (this.post === null) {
			this.pending.delete(id);
			return Promise.reject(new Error(method + ': not ' +
			    'connected'));
		}
		this.post(JSON.stringify(message));
		return deadline(answer, COMMAND_MS, method);
	}

	on(listener)
	{
		this.listeners.push(listener);
		return () => {
			this.listeners = this.listeners.filter((l) =>
			    l !== listener);
		};
	}

	async close()
	{
		if (this.post !== null) {
			try {
				await deadline(this.send('Browser.close'), 3000,
				    'Browser.close');
			} catch (e) {
				/* killed below */
			}
		}
		await this.stop();
		if (this.socket !== null)
			this.socket.onclose = null;
		this.remove();
	}

	/* Stop the process group chromium leads (only what we started). */
	async stop()
	{
		const signals = ['SIGTERM', 'SIGKILL'];

		for (const signal of signals) {
			for (let i = 0; i < 60 && !this.exited; i++) {
				if (i === 0)
					this.kill(signal);
				await sleep(50);
			}
		}
		this.kill('SIGKILL');
	}

	remove()
	{
		try {
			fs.rmSync(this.home, { recursive: true, force: true });
		} catch (e) {
			/* a dying process may still write; leave it */
		}
	}

	kill(signal)
	{
		try {
			process.kill(-this.child.pid, signal);
		} catch (e) {
			/* already gone */
		}
	}
}

/* True when this Node has a WebSocket to speak to chromium with. */
function hasWebSocket()
{
	return typeof WebSocket === 'function';
}

/* Start chromium; resolves to a connected Browser.  pipe: use the
 * debugging pipe rather than a WebSocket. */
async function launch(chromium, pipe)
{
	const home = fs.mkdtempSync(path.join(os.tmpdir(),
	    'roleaudit-chromium.'));
	const profile = path.join(home, 'profile');
	const scratch = path.join(home, 'tmp');
	const args = FLAGS.concat([pipe ? '--remote-debugging-pipe' :
	    '--remote-debugging-port=0', '--user-data-dir=' + profile,
	    'about:blank']);
	const stdio = ['ignore', 'ignore', 'pipe'].concat(pipe ?
	    ['pipe', 'pipe'] : []);

	fs.mkdirSync(profile);
	fs.mkdirSync(scratch);
	const child = spawn(chromium, args, {
		detached: true, stdio: stdio,
		env: Object.assign({}, process.env, { TMPDIR: scratch })
	});
	const browser = new Browser(child, home);

	await new Promise((resolve, reject) => {
		child.once('spawn', resolve);
		child.once('error', reject);
	}).catch((e) => {
		fs.rmSync(home, { recursive: true, force: true });
		throw new Error('cannot run ' + chromium + ': ' + e.message);
	});
	try {
		if (pipe)
			browser.connectPipe();
		else
			await browser.connect();
	} catch (e) {
		await browser.close();
		throw e;
	}
	return browser;
}

module.exports = { launch, hasWebSocket, sleep, deadline };
