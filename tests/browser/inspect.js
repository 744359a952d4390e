/*
 * tests/browser/inspect.js: the functions the browser test evaluates
 * inside the report page (Runtime.evaluate).  Each is self-contained:
 * it is sent to the page as source text, so it may use nothing from
 * Node.  Each returns plain data; the judging happens in Node.
 */
'use strict';

/* What a person sees first: the verdict banner, the fix list, the
 * section that holds it, and whether each lies inside the viewport. */
function firstScreen()
{
	const box = (el) => {
		if (el === null)
			return null;
		const r = el.getBoundingClientRect();
		const s = getComputedStyle(el);
		return {
			top: r.top + scrollY, bottom: r.bottom + scrollY,
			right: r.right, width: r.width, height: r.height,
			shown: r.width > 0 && r.height > 0 &&
			    s.visibility !== 'hidden' && s.display !== 'none' &&
			    Number(s.opacity) > 0,
			text: el.textContent.replace(/\s+/g, ' ').trim()
		};
	};
	const banner = document.querySelector('#verdict') ||
	    document.querySelector('.banner') ||
	    document.querySelector('body > header');
	const fixes = document.querySelector('#fixes') ||
	    document.querySelector('ol.fixes');
	const section = fixes !== null ? fixes.closest('section') :
	    document.querySelector('main > section');
	const items = fixes === null ? [] :
	    Array.from(fixes.querySelectorAll(':scope > li')).map(box);

	return {
		viewport: { width: innerWidth, height: innerHeight },
		lang: document.documentElement.getAttribute('lang') || '',
		banner: box(banner),
		heading: box(banner === null ? null :
		    banner.querySelector('h1')),
		fixes: box(fixes),
		items: items,
		section: box(section)
	};
}

/* Structure: heading levels in order, header cells of every table, and
 * the text of every cell that carries a status. */
function structure()
{
	const statusColumn =
	    /^(add|edit|delete|inquire|verdict|result|status)$/i;
	const headings = Array.from(document.querySelectorAll(
	    'h1, h2, h3, h4, h5, h6')).map((h) => ({
		level: Number(h.tagName.substring(1)),
		text: h.textContent.replace(/\s+/g, ' ').trim().slice(0, 80)
	}));
	const tables = Array.from(document.querySelectorAll('table')).map(
	    (table, index) => {
		const th = Array.from(table.querySelectorAll('th'));
		const head = table.querySelector('thead tr') ||
		    table.querySelector('tr');
		const columns = head === null ? [] :
		    Array.from(head.cells).map((c) => c.textContent.trim());
		const status = [];

		for (const row of table.querySelectorAll('tr')) {
			let col = 0;
			if (row === head)
				continue;
			for (const cell of row.cells) {
				if (cell.tagName === 'TD' &&
				    statusColumn.test(columns[col] || ''))
					status.push(cell.textContent.replace(
					    /\s+/g, ' ').trim());
				col += cell.colSpan;
			}
		}
		return {
			index: index, th: th.length,
			unscoped: th.filter((c) => !c.hasAttribute('scope'))
			    .length,
			columns: columns, status: status
		};
	});
	const handlers = Array.from(document.querySelectorAll('*')).filter(
	    (el) => Array.from(el.attributes).some((a) =>
	    /^on/i.test(a.name)));

	return {
		headings: headings, tables: tables,
		scripts: document.scripts.length + handlers.length
	};
}

/* Width: whether anything makes the page wider than limit CSS pixels,
 * and the widest culprits when it does. */
function width(limit)
{
	const wide = [];

	for (const el of document.body.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		if (r.right > limit + 0.5 && wide.length < 5)
			wide.push(el.tagName.toLowerCase() +
			    (el.className ? '.' + el.className : '') + ' ' +
			    Math.round(r.right) + 'px "' +
			    el.textContent.replace(/\s+/g, ' ').trim()
			    .slice(0, 40) + '"');
	}
	return {
		scrollWidth: document.documentElement.scrollWidth,
		limit: limit, wide: wide
	};
}

/* Print: every table row must refuse a page break inside it. */
function printRows()
{
	const rows = Array.from(document.querySelectorAll('tr'));
	const loose = rows.filter((tr) => {
		const v = getComputedStyle(tr).breakInside;
		return v !== 'avoid' && v !== 'avoid-page';
	});
	return { rows: rows.length, loose: loose.length };
}

/* Resolves after two frames, so a new viewport size has been laid out. */
function settle()
{
	return new Promise((resolve) => requestAnimationFrame(() =>
	    requestAnimationFrame(() => resolve(true))));
}

module.exports = { firstScreen, structure, width, printRows, settle };
