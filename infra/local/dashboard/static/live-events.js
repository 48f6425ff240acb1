import { h, local } from './api.js';

const ROW_HEIGHT = 24;
/** Rows rendered beyond the visible ones, above and below: the DOM never holds more than this. */
const OVERSCAN = 8;
/** Events kept in memory; past it the oldest tenth is forgotten (the log keeps them all). */
const MAX_KEPT = 50_000;
/**
 * At most this often the list redraws for new records: a person reads it, and a page that redrew
 * on every frame of a busy stream took CPU from the stack it watches (a scroll redraws at once).
 */
const REDRAW_MS = 250;

/** What a row says of its event: each matched rule's latest outcome, or why it went nowhere. */
function outcomesOf(row) {
  if (row.dropped) return ['dropped: unknown bus'];
  if (row.rules.length === 0) return ['no rule'];
  return [...new Set(row.rules.map((rule) => row.outcomes.get(rule) ?? 'pending'))];
}

/** What the filter is matched against: the row's bus, source, detail-type, id and outcomes. */
function searchText(row) {
  return `${row.bus} ${row.source} ${row.detailType} ${row.id} ${outcomesOf(row).join(' ')}`.toLowerCase();
}

/**
 * The live stream: every event with its outcome, newest first, in a windowed list (only the rows
 * in view exist in the DOM, so 10,000 events scroll as smoothly as ten). A click shows the trace.
 * Records arrive in batches (one server-sent message each) and are drawn at most every
 * `REDRAW_MS`; the filter narrows the list, and Pause holds it still while records keep coming.
 */
class LiveEvents extends HTMLElement {
  rows = [];
  byId = new Map();
  droppedRecords = 0;
  /** The redraw waiting for `REDRAW_MS` to pass, and the one waiting for a frame. */
  timer = undefined;
  frame = undefined;
  lastDrawn = 0;
  /** The rows shown while paused (a snapshot), or undefined while following. */
  held = undefined;
  filter = '';

  connectedCallback() {
    this.count = h('span', { class: 'count' }, '0 events');
    this.notice = h('span', { class: 'notice', hidden: true });
    this.filterInput = h('input', {
      type: 'search',
      class: 'filter',
      placeholder: 'filter: type, source, bus, outcome',
      'aria-label': 'filter events',
      oninput: () => {
        this.filter = this.filterInput.value.trim().toLowerCase();
        this.viewport.scrollTop = 0;
        this.draw();
      },
    });
    this.pauseButton = h(
      'button',
      { type: 'button', class: 'pause', 'aria-pressed': 'false', onclick: () => this.togglePause() },
      'Pause',
    );
    this.spacer = h('div', { class: 'spacer' });
    this.viewport = h('div', { class: 'viewport', role: 'list', 'aria-label': 'events' }, this.spacer);
    this.trace = h('pre', { class: 'trace' }, 'Click an event to see its trace.');
    this.append(
      h('div', { class: 'toolbar' }, this.filterInput, this.pauseButton, this.count, this.notice),
      h(
        'div',
        { class: 'head row' },
        ['time', 'bus', 'source', 'detail-type', 'outcome'].map((t) => h('span', {}, t)),
      ),
      h('div', { class: 'split' }, this.viewport, this.trace),
    );
    this.pool = [];
    this.viewport.addEventListener('scroll', () => this.draw());
    new ResizeObserver(() => this.draw()).observe(this.viewport);
    this.connect();
  }

  connect() {
    const badge = document.getElementById('connection');
    const source = new EventSource('/_trackbridge/stream');
    source.onopen = () => {
      badge.textContent = 'live';
      badge.dataset.state = 'live';
    };
    source.onerror = () => {
      badge.textContent = 'reconnecting…';
      badge.dataset.state = 'down';
    };
    // One message per batch of the stack's tail: a JSON array of records.
    source.onmessage = (message) => {
      for (const record of JSON.parse(message.data)) this.take(record);
      this.schedule();
      // The header's totals follow what happens (dashboard.js, at most once a second).
      document.dispatchEvent(new Event('tb-records'));
    };
    source.addEventListener('dropped', (message) => {
      this.droppedRecords += JSON.parse(message.data).count;
      this.notice.hidden = false;
      this.notice.textContent = `${this.droppedRecords} records dropped: the page fell behind the stream`;
    });
  }

  /** Takes one record and redraws soon (see `schedule`). */
  receive(record) {
    this.take(record);
    this.schedule();
  }

  togglePause() {
    this.held = this.held === undefined ? this.rows.slice() : undefined;
    this.pauseButton.textContent = this.held === undefined ? 'Pause' : 'Resume';
    this.pauseButton.setAttribute('aria-pressed', String(this.held !== undefined));
    this.draw();
  }

  take(record) {
    if (record.type === 'event' || record.type === 'dropped') {
      const row = {
        id: record.id,
        time: record.time ?? new Date().toISOString(),
        bus: record.bus,
        source: record.source,
        detailType: record.detailType,
        replayName: record.replayName,
        rules: record.type === 'event' ? record.rules.map((rule) => rule.rule) : [],
        outcomes: new Map(),
        dropped: record.type === 'dropped',
      };
      // A replayed event has its own id; a repeated id (an outcome before its event) keeps its outcomes.
      const known = this.byId.get(row.id);
      if (known !== undefined) row.outcomes = known.outcomes;
      this.rows.push(row);
      this.byId.set(row.id, row);
      if (this.rows.length > MAX_KEPT) {
        for (const old of this.rows.splice(0, MAX_KEPT / 10)) this.byId.delete(old.id);
      }
    } else if (record.type === 'delivery') {
      let row = this.byId.get(record.eventId);
      if (row === undefined) {
        row = {
          id: record.eventId,
          rules: [record.rule],
          outcomes: new Map(),
          time: '',
          bus: '',
          source: '',
          detailType: '',
        };
        this.byId.set(row.id, row);
      }
      const reasons = record.reasons?.map((reason) => `${reason.keyword} ${reason.path}`).join(', ');
      row.outcomes.set(record.rule, reasons ? `${record.outcome} (${reasons})` : record.outcome);
    }
  }

  /** Redraws for new records: on a frame, but no sooner than `REDRAW_MS` after the last redraw. */
  schedule() {
    if (this.timer !== undefined || this.frame !== undefined) return;
    const wait = Math.max(0, this.lastDrawn + REDRAW_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.draw();
    }, wait);
  }

  /** Redraws on the next frame (a scroll, a resize, the filter, pause): the person is looking. */
  draw() {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.render();
    });
  }

  /** The rows shown, oldest first: all (or those held by Pause), narrowed by the filter. */
  shown() {
    const rows = this.held ?? this.rows;
    if (this.filter === '') return rows;
    return rows.filter((row) => searchText(row).includes(this.filter));
  }

  render() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastDrawn = performance.now();
    const rows = this.shown();
    const total = rows.length;
    const all = (this.held ?? this.rows).length;
    const waiting = this.held === undefined ? 0 : this.rows.length - this.held.length;
    const count = [
      this.filter === '' ? `${total} events` : `${total} of ${all} events`,
      ...(waiting > 0 ? [`${waiting} more since paused`] : []),
    ].join(' · ');
    // Every read of the layout before any write, so a redraw lays the page out once.
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const visible = Math.ceil(this.viewport.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(total, first + visible);
    if (this.count.textContent !== count) this.count.textContent = count;
    const height = `${total * ROW_HEIGHT}px`;
    if (this.spacer.style.height !== height) this.spacer.style.height = height;
    while (this.pool.length < last - first) {
      const element = h('div', { class: 'row', role: 'listitem', tabindex: '0' });
      element.addEventListener('click', () => this.showTrace(element.dataset.eventId));
      element.addEventListener(
        'keydown',
        (event) => event.key === 'Enter' && this.showTrace(element.dataset.eventId),
      );
      this.pool.push(element);
      this.viewport.append(element);
    }
    this.pool.forEach((element, slot) => {
      const index = first + slot;
      if (index >= last) {
        if (!element.hidden) element.hidden = true;
        return;
      }
      // Newest first: slot 0 at the top is the last event received.
      const row = rows[total - 1 - index];
      if (element.hidden) element.hidden = false;
      const outcomes = outcomesOf(row);
      // Only what changed is written: an unchanged row costs the page no style or layout work.
      const at = `translateY(${index * ROW_HEIGHT}px)`;
      if (element.style.transform !== at) element.style.transform = at;
      if (element.dataset.eventId !== row.id) element.dataset.eventId = row.id;
      // One word per outcome (`stored`, `quarantined`, `dead`, ...), for styles and `[data-outcome~=...]`.
      const words = outcomes.map((text) => text.split(/[ :]/)[0]).join(' ');
      if (element.dataset.outcome !== words) element.dataset.outcome = words;
      const cells = [
        row.time,
        row.bus,
        row.source,
        row.replayName ? `${row.detailType} (replay)` : row.detailType,
        outcomes.join(' · '),
      ];
      if (element.childElementCount !== cells.length) {
        element.replaceChildren(...cells.map(() => h('span')));
        element.lastElementChild.className = 'outcome';
      }
      cells.forEach((text, i) => {
        if (element.children[i].textContent !== text) element.children[i].textContent = text;
      });
    });
  }

  async showTrace(id) {
    if (id === undefined) return;
    this.trace.textContent = `Loading the trace of ${id}…`;
    const { status, body } = await local(`trace/${encodeURIComponent(id)}`);
    this.trace.textContent = status === 200 ? JSON.stringify(body, null, 2) : body.message;
    this.trace.dataset.eventId = id;
  }
}

customElements.define('tb-live-events', LiveEvents);
