import { h, local } from './api.js';

const ROW_HEIGHT = 24;
/** Rows rendered beyond the visible ones, above and below: the DOM never holds more than this. */
const OVERSCAN = 8;
/** Events kept in memory; past it the oldest tenth is forgotten (the log keeps them all). */
const MAX_KEPT = 50_000;

/** What a row says of its event: each matched rule's latest outcome, or why it went nowhere. */
function outcomesOf(row) {
  if (row.dropped) return ['dropped: unknown bus'];
  if (row.rules.length === 0) return ['no rule'];
  return [...new Set(row.rules.map((rule) => row.outcomes.get(rule) ?? 'pending'))];
}

/**
 * The live stream: every event with its outcome, newest first, in a windowed list (only the rows
 * in view exist in the DOM, so 10,000 events scroll as smoothly as ten). A click shows the trace.
 */
class LiveEvents extends HTMLElement {
  rows = [];
  byId = new Map();
  droppedRecords = 0;
  pending = false;

  connectedCallback() {
    this.count = h('span', { class: 'count' }, '0 events');
    this.notice = h('span', { class: 'notice', hidden: true });
    this.spacer = h('div', { class: 'spacer' });
    this.viewport = h('div', { class: 'viewport', role: 'list', 'aria-label': 'events' }, this.spacer);
    this.trace = h('pre', { class: 'trace' }, 'Click an event to see its trace.');
    this.append(
      h('div', { class: 'toolbar' }, this.count, this.notice),
      h(
        'div',
        { class: 'head row' },
        ['time', 'bus', 'source', 'detail-type', 'outcome'].map((t) => h('span', {}, t)),
      ),
      h('div', { class: 'split' }, this.viewport, this.trace),
    );
    this.pool = [];
    this.viewport.addEventListener('scroll', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.viewport);
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
    source.onmessage = (message) => this.receive(JSON.parse(message.data));
    source.addEventListener('dropped', (message) => {
      this.droppedRecords += JSON.parse(message.data).count;
      this.notice.hidden = false;
      this.notice.textContent = `${this.droppedRecords} records dropped: the page fell behind the stream`;
    });
  }

  receive(record) {
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
    this.schedule();
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  render() {
    const total = this.rows.length;
    this.count.textContent = `${total} events`;
    this.spacer.style.height = `${total * ROW_HEIGHT}px`;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const visible = Math.ceil(this.viewport.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(total, first + visible);
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
        element.hidden = true;
        return;
      }
      // Newest first: slot 0 at the top is the last event received.
      const row = this.rows[total - 1 - index];
      element.hidden = false;
      element.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
      element.dataset.eventId = row.id;
      const outcomes = outcomesOf(row);
      const outcome = outcomes.join(' · ');
      // One word per outcome (`stored`, `quarantined`, `dead`, ...), for styles and `[data-outcome~=...]`.
      element.dataset.outcome = outcomes.map((text) => text.split(/[ :]/)[0]).join(' ');
      const cells = [
        row.time,
        row.bus,
        row.source,
        row.replayName ? `${row.detailType} (replay)` : row.detailType,
        outcome,
      ];
      if (element.childElementCount !== cells.length) element.replaceChildren(...cells.map(() => h('span')));
      cells.forEach((text, i) => {
        if (element.children[i].textContent !== text) element.children[i].textContent = text;
      });
      element.lastElementChild.className = 'outcome';
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
