// Calls from the page: same origin, JSON bodies, so the endpoint's web-request guard lets them
// through and refuses the same calls from any other page.

/** GET or POST a local-only route under /_trackbridge/; resolves { status, body }. */
export async function local(path, body) {
  const init =
    body === undefined
      ? {}
      : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
  const response = await fetch(`/_trackbridge/${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
}

/** One EventBridge API call on the same endpoint, as an SDK sends it (awsJson1_1). */
export async function events(operation, input) {
  const response = await fetch('/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSEvents.${operation}` },
    body: JSON.stringify(input),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${body.__type ?? response.status}: ${body.message ?? ''}`);
  return body;
}

/** The stack's status document (GET / as JSON). */
export async function status() {
  const response = await fetch('/', { headers: { Accept: 'application/json' } });
  return response.json();
}

/** An element with attributes and children; text children become text nodes (never HTML). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A table of rows; `columns` are [heading, (row) => cell]. */
export function table(columns, rows, empty) {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map(([heading]) => h('th', {}, heading)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          columns.map(([, cell]) => h('td', {}, cell(row))),
        ),
      ),
    ),
  );
}

/**
 * A table whose rows are kept by `key` across refreshes: `update(items)` fills each row's cells in
 * place (`columns` are [heading, (cell, item) => void]), adds and removes rows, and never replaces
 * a control the person is using (a checkbox, a button) under the pointer.
 */
export function keyedTable(columns, key, empty) {
  const body = h('tbody');
  const grid = h(
    'table',
    { hidden: true },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map(([heading]) => h('th', {}, heading)),
      ),
    ),
    body,
  );
  const none = h('p', { class: 'empty' }, empty);
  const rows = new Map();
  const update = (items) => {
    none.hidden = items.length > 0;
    grid.hidden = items.length === 0;
    const seen = new Set();
    items.forEach((item, index) => {
      const name = key(item);
      seen.add(name);
      let row = rows.get(name);
      if (row === undefined) {
        row = h(
          'tr',
          {},
          columns.map(() => h('td')),
        );
        rows.set(name, row);
      }
      columns.forEach(([, fill], column) => {
        fill(row.children[column], item);
      });
      if (body.children[index] !== row) body.insertBefore(row, body.children[index] ?? null);
    });
    for (const [name, row] of rows) {
      if (seen.has(name)) continue;
      row.remove();
      rows.delete(name);
    }
  };
  return { element: h('div', {}, none, grid), update };
}

/** A keyed-table cell showing text, written only when it changed. */
export function textCell(value) {
  return (cell, item) => {
    const text = String(value(item) ?? '');
    if (cell.textContent !== text) cell.textContent = text;
  };
}
