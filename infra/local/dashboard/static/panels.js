import { events, h, keyedTable, local, table, textCell } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A panel that (re)draws itself from the stack; `interval` ms between refreshes while shown. */
class Panel extends HTMLElement {
  interval = 0;
  connectedCallback() {
    this.body = h('div', { class: 'panel-body' });
    this.error = h('p', { class: 'error', hidden: true });
    this.replaceChildren(...this.controls(), this.error, this.body);
  }
  controls() {
    return [];
  }
  /**
   * Draws now, or, while a draw is under way, once more after it: draws never overlap, so an
   * answer read before an action never lands after the answer read since.
   */
  refresh() {
    if (this.drawing !== undefined) {
      this.again = true;
      return this.drawing;
    }
    this.drawing = (async () => {
      do {
        this.again = false;
        try {
          await this.draw();
          this.error.hidden = true;
        } catch (error) {
          this.error.hidden = false;
          this.error.textContent = String(error.message ?? error);
        }
      } while (this.again);
      this.drawing = undefined;
    })();
    return this.drawing;
  }
}

/** Per-minute received counts as a small line, drawn with SVG elements (no inline markup). */
function sparkline(values) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('viewBox', `0 0 ${Math.max(values.length - 1, 1)} 10`);
  svg.setAttribute('preserveAspectRatio', 'none');
  const top = Math.max(1, ...values);
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', values.map((value, i) => `${i},${10 - (value / top) * 10}`).join(' '));
  svg.append(line);
  return svg;
}

class MetricsPanel extends Panel {
  interval = 10_000;
  async draw() {
    const response = await fetch('/_trackbridge/metrics?minutes=60');
    if (response.status === 404) {
      this.body.replaceChildren(
        h(
          'p',
          { class: 'unavailable', 'data-state': 'unavailable' },
          'Metrics unavailable: this stack serves no /_trackbridge/metrics.',
        ),
      );
      return;
    }
    if (!response.ok) throw new Error(`metrics: HTTP ${response.status}`);
    const metrics = await response.json();
    const minutes = Math.max(1, (Date.parse(metrics.to) - Date.parse(metrics.from)) / 60_000);
    const types = Object.entries(metrics.totals.byDetailType);
    const series = (type) => metrics.buckets.map((bucket) => bucket.byDetailType[type]?.received ?? 0);
    const latency = (type) => metrics.latencyMs?.byDetailType?.[type];
    // The counters' names come with the data (the metrics API owns them), in its order.
    const names = Object.keys(Object.values(metrics.totals.byBus)[0] ?? {});
    const counterColumns = names.map((name) => [name, ([, counters]) => counters[name] ?? 0]);
    this.body.replaceChildren(
      h('h2', {}, 'Per detail-type, last hour'),
      table(
        [
          ['detail-type', ([type]) => type],
          ['events/min', ([, counters]) => (counters.received / minutes).toFixed(2)],
          ['last hour', ([type]) => sparkline(series(type))],
          ...counterColumns,
          ['p50 ms', ([type]) => latency(type)?.p50 ?? '–'],
          ['p99 ms', ([type]) => latency(type)?.p99 ?? '–'],
        ],
        types,
        'No events in the last hour.',
      ),
      h('h2', {}, 'Per bus'),
      table([['bus', ([bus]) => bus], ...counterColumns], Object.entries(metrics.totals.byBus), 'None.'),
      h('h2', {}, 'Per rule'),
      table(
        [['bus/rule', ([rule]) => rule], ...counterColumns],
        Object.entries(metrics.totals.byRule),
        'None.',
      ),
    );
  }
}

class QuarantinePanel extends Panel {
  interval = 5_000;
  /** Every detail-type the picker offers: the catalog's, and any other seen quarantined (unrouted). */
  known = new Set();
  controls() {
    this.type = h(
      'select',
      { name: 'type', 'aria-label': 'detail-type', onchange: () => this.refresh() },
      h('option', { value: '' }, 'all types'),
    );
    return [h('div', { class: 'toolbar' }, h('label', {}, 'detail-type ', this.type))];
  }
  /** Adds the types not offered yet, in name order, keeping the person's choice. */
  offer(types) {
    const added = types.filter((type) => type !== undefined && !this.known.has(type));
    if (added.length === 0) return;
    for (const type of added) this.known.add(type);
    const chosen = this.type.value;
    this.type.replaceChildren(
      h('option', { value: '' }, 'all types'),
      ...[...this.known].sort().map((type) => h('option', { value: type }, type)),
    );
    this.type.value = chosen;
  }
  async draw() {
    if (this.known.size === 0) {
      const catalog = await local('catalog');
      if (catalog.status === 200) this.offer(catalog.body.types.map((type) => type.detailType));
    }
    const type = this.type.value;
    const { status, body } = await local(
      `quarantine?hours=24${type === '' ? '' : `&type=${encodeURIComponent(type)}`}`,
    );
    if (status !== 200) throw new Error(body.message);
    this.offer(body.items.map((item) => item.eventType));
    const reasons = (item) =>
      h(
        'ul',
        {},
        (item.reasons ?? []).map((reason) =>
          h('li', {}, `${reason.keyword} ${reason.path}: ${reason.message ?? ''}`),
        ),
      );
    this.body.replaceChildren(
      h(
        'h2',
        {},
        `Quarantined in the last 24 hours${type === '' ? '' : ` as ${type}`} (${body.items.length})`,
      ),
      table(
        [
          ['key', (item) => item.sk],
          ['detail-type', (item) => item.eventType],
          ['reasons', (item) => `${item.reasonCount ?? 0}`],
          ['first reasons', reasons],
        ],
        body.items,
        'Nothing quarantined in the last 24 hours.',
      ),
    );
  }
}

class DeadLettersPanel extends Panel {
  interval = 3_000;
  selected = new Set();
  controls() {
    this.result = h('span', { class: 'result', role: 'status' });
    return [
      h(
        'div',
        { class: 'toolbar' },
        h(
          'button',
          { type: 'button', onclick: () => this.act('redrive', { ids: [...this.selected] }) },
          'Redrive selected',
        ),
        h('button', { type: 'button', onclick: () => this.act('redrive', { all: true }) }, 'Redrive all'),
        h(
          'button',
          { type: 'button', class: 'danger', onclick: () => this.act('purge', { ids: [...this.selected] }) },
          'Purge selected',
        ),
        this.result,
      ),
    ];
  }
  async act(action, selection) {
    if (selection.ids !== undefined && selection.ids.length === 0) {
      this.result.textContent = 'Select dead letters first.';
      return;
    }
    const { status, body } = await local(`dead-letters/${action}`, selection);
    this.result.textContent =
      status === 200
        ? action === 'purge'
          ? `Purged ${body.purged}.`
          : `Redriven ${body.redriven}.`
        : body.message;
    this.selected.clear();
    for (const box of this.body.querySelectorAll('input[type="checkbox"]')) box.checked = false;
    await this.refresh();
  }
  async draw() {
    const { status, body } = await local('dead-letters?limit=500');
    if (status !== 200) throw new Error(body.message);
    this.letters ??= keyedTable(
      [
        ['', (cell, letter) => this.check(cell, letter)],
        ['id', textCell((letter) => letter.id)],
        ['event', textCell((letter) => letter.eventId)],
        ['rule', textCell((letter) => letter.rule)],
        ['target', textCell((letter) => letter.targetArn)],
        ['attempts', textCell((letter) => letter.attempts)],
        ['error', textCell((letter) => `${letter.errorCode}: ${letter.errorMessage}`)],
        ['dead at', textCell((letter) => new Date(letter.deadAt).toISOString())],
      ],
      (letter) => letter.id,
      'No dead letters.',
    );
    if (this.body.firstChild !== this.letters.element) this.body.replaceChildren(this.letters.element);
    for (const id of this.selected) {
      if (!body.deadLetters.some((letter) => letter.id === id)) this.selected.delete(id);
    }
    this.letters.update(body.deadLetters);
  }
  /** The row's checkbox, made once: a refresh never unticks what the person ticked. */
  check(cell, letter) {
    if (cell.firstChild !== null) return;
    cell.append(
      h('input', {
        type: 'checkbox',
        'aria-label': `select dead letter ${letter.id}`,
        checked: this.selected.has(letter.id),
        onchange: (event) =>
          event.target.checked ? this.selected.add(letter.id) : this.selected.delete(letter.id),
      }),
    );
  }
}

const ACTIVE = new Set(['STARTING', 'RUNNING', 'CANCELLING']);
const ENDED = new Set(['COMPLETED', 'CANCELLED', 'FAILED']);

/** A datetime-local input's value for a time (local wall clock, to the minute). */
function localInput(time) {
  const date = new Date(time - new Date().getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

class ReplaysPanel extends Panel {
  interval = 1_000;
  /** Replays the person cancelled from this page. */
  cancelling = new Set();
  progress = new Map();
  controls() {
    this.archive = h('select', { name: 'archive', 'aria-label': 'archive' });
    this.from = h('input', {
      type: 'datetime-local',
      name: 'from',
      'aria-label': 'from',
      value: localInput(Date.now() - 3_600_000),
    });
    this.to = h('input', {
      type: 'datetime-local',
      name: 'to',
      'aria-label': 'to',
      value: localInput(Date.now() + 60_000),
    });
    this.result = h('span', { class: 'result', role: 'status' });
    return [
      h(
        'div',
        { class: 'toolbar' },
        this.archive,
        h('label', {}, 'from ', this.from),
        h('label', {}, 'to ', this.to),
        h('button', { type: 'button', onclick: () => this.start() }, 'Start replay'),
        this.result,
      ),
    ];
  }
  async start() {
    // Said at once, so an earlier replay's "Started" is never read as this one's.
    this.result.textContent = 'Starting a replay…';
    try {
      const { ArchiveArn, EventSourceArn } = await events('DescribeArchive', {
        ArchiveName: this.archive.value,
      });
      const name = `dashboard-${Date.now()}`;
      await events('StartReplay', {
        ReplayName: name,
        EventSourceArn: ArchiveArn,
        Destination: { Arn: EventSourceArn },
        EventStartTime: new Date(this.from.value).getTime() / 1000,
        EventEndTime: new Date(this.to.value).getTime() / 1000,
      });
      this.result.textContent = `Started ${name}.`;
    } catch (error) {
      this.result.textContent = error.message;
    }
    await this.refresh();
  }
  /** The tables, made once and then updated in place (see `keyedTable`). */
  tables() {
    this.archives ??= keyedTable(
      [
        ['name', textCell((archive) => archive.ArchiveName)],
        ['state', textCell((archive) => archive.State)],
        ['events', textCell((archive) => archive.EventCount ?? 0)],
        ['bytes', textCell((archive) => archive.SizeBytes ?? 0)],
        ['retention (days)', textCell((archive) => archive.RetentionDays ?? 0)],
      ],
      (archive) => archive.ArchiveName,
      'No archives.',
    );
    this.replays ??= keyedTable(
      [
        ['name', textCell((replay) => replay.ReplayName)],
        ['archive', textCell((replay) => replay.EventSourceArn?.split('/').pop())],
        ['state', (cell, replay) => this.stateCell(cell, replay)],
        ['progress', (cell, replay) => this.progressCell(cell, replay)],
        ['', (cell, replay) => this.cancelCell(cell, replay)],
      ],
      (replay) => replay.ReplayName,
      'No replays.',
    );
    if (this.body.childElementCount === 0)
      this.body.append(
        h('h2', {}, 'Archives'),
        this.archives.element,
        h('h2', {}, 'Replays'),
        this.replays.element,
      );
  }
  stateCell(cell, replay) {
    if (cell.firstChild === null)
      cell.append(h('span', { class: 'state', 'data-replay': replay.ReplayName }));
    // A replay the person cancelled says so until the stack reports it further along.
    const state =
      this.cancelling.has(replay.ReplayName) && !ENDED.has(replay.State) ? 'CANCELLING' : replay.State;
    if (cell.firstChild.textContent !== state) cell.firstChild.textContent = state;
  }
  progressCell(cell, replay) {
    if (cell.firstChild === null) cell.append(h('progress', { max: 1, value: 0 }), h('span'));
    const { replayed = 0, total = 0 } = this.progress.get(replay.ReplayName) ?? {};
    const [bar, text] = cell.children;
    bar.max = Math.max(total, 1);
    bar.value = replayed;
    bar.setAttribute('value', String(replayed));
    const count = ` ${replayed}/${total}`;
    if (text.textContent !== count) text.textContent = count;
  }
  cancelCell(cell, replay) {
    if (cell.firstChild === null)
      cell.append(
        h(
          'button',
          { type: 'button', hidden: true, onclick: () => this.cancel(replay.ReplayName) },
          'Cancel',
        ),
      );
    const button = cell.firstChild;
    const cancellable =
      ACTIVE.has(replay.State) && replay.State !== 'CANCELLING' && !this.cancelling.has(replay.ReplayName);
    if (button.hidden === cancellable) button.hidden = !cancellable;
  }
  async draw() {
    const [{ Archives = [] }, { Replays = [] }] = await Promise.all([
      events('ListArchives', {}),
      events('ListReplays', {}),
    ]);
    if (this.archive.options.length !== Archives.length) {
      this.archive.replaceChildren(
        ...Archives.map((archive) => h('option', { value: archive.ArchiveName }, archive.ArchiveName)),
      );
    }
    this.progress = new Map(
      await Promise.all(
        Replays.map(async (replay) => [
          replay.ReplayName,
          (await local(`replays/${encodeURIComponent(replay.ReplayName)}`)).body,
        ]),
      ),
    );
    Replays.sort((a, b) => (b.ReplayStartTime ?? 0) - (a.ReplayStartTime ?? 0));
    this.tables();
    this.archives.update(Archives);
    this.shownReplays = Replays;
    this.replays.update(Replays);
  }
  async cancel(name) {
    // The row shows the cancel at once and keeps it shown: a refresh read before it never undoes it.
    this.cancelling.add(name);
    this.result.textContent = `Cancelling ${name}…`;
    this.replays.update(this.shownReplays);
    try {
      await events('CancelReplay', { ReplayName: name });
      this.result.textContent = `Cancelling ${name}.`;
    } catch (error) {
      this.cancelling.delete(name);
      this.result.textContent = error.message;
    }
    await this.refresh();
  }
}

class SandboxPanel extends Panel {
  controls() {
    this.type = h('select', { 'aria-label': 'event type', onchange: () => this.useSample() });
    this.event = h('textarea', { rows: 14, 'aria-label': 'event', spellcheck: 'false' });
    this.pattern = h('textarea', { rows: 14, 'aria-label': 'pattern', spellcheck: 'false' });
    this.result = h('p', { class: 'result', role: 'status' });
    return [
      h(
        'div',
        { class: 'toolbar' },
        h('label', {}, 'sample of ', this.type),
        h('button', { type: 'button', onclick: () => this.test() }, 'Test pattern'),
      ),
      h(
        'div',
        { class: 'split' },
        h('label', {}, 'Event', this.event),
        h('label', {}, 'Pattern', this.pattern),
      ),
      this.result,
    ];
  }
  async draw() {
    if (this.types !== undefined) return;
    const { body } = await local('catalog');
    this.types = body.types;
    this.type.replaceChildren(...this.types.map((type, i) => h('option', { value: i }, type.detailType)));
    this.useSample();
  }
  useSample() {
    const type = this.types?.[Number(this.type.value)];
    if (type === undefined) return;
    this.event.value = JSON.stringify(type.sampleEvent, null, 2);
    this.pattern.value = JSON.stringify(JSON.parse(type.rule.eventPattern), null, 2);
  }
  async test() {
    try {
      const { Result } = await events('TestEventPattern', {
        Event: this.event.value,
        EventPattern: this.pattern.value,
      });
      this.result.dataset.result = String(Result);
      this.result.textContent = Result
        ? 'The pattern matches the event.'
        : 'The pattern does not match the event.';
    } catch (error) {
      this.result.dataset.result = 'error';
      this.result.textContent = error.message;
    }
  }
}

class CatalogPanel extends Panel {
  async draw() {
    const [{ body }, { Rules = [] }] = await Promise.all([
      local('catalog'),
      events('ListRules', { EventBusName: 'trackbridge' }),
    ]);
    const schema = (type) =>
      h(
        'details',
        {},
        h('summary', {}, `${type.schema.file} v${type.schema.version}`),
        h('pre', {}, JSON.stringify(type.schema.document, null, 2)),
      );
    this.body.replaceChildren(
      h('h2', {}, 'Event types'),
      table(
        [
          ['detail-type', (type) => type.detailType],
          ['source', (type) => type.source],
          ['rule', (type) => `${type.rule.bus}/${type.rule.name}`],
          ['pattern', (type) => h('code', {}, type.rule.eventPattern)],
          ['consumer', (type) => type.consumer.name],
          ['dead letters', (type) => (type.deadLetter ? 'yes' : 'no')],
          ['schema', schema],
        ],
        body.types,
        'The catalog is empty.',
      ),
      h('h2', {}, 'Rules on the trackbridge bus'),
      table(
        [
          ['rule', (rule) => rule.Name],
          ['state', (rule) => rule.State],
          ['pattern', (rule) => h('code', {}, rule.EventPattern ?? rule.ScheduleExpression ?? '')],
          ['managed by', (rule) => rule.ManagedBy ?? ''],
        ],
        Rules,
        'No rules.',
      ),
    );
  }
}

customElements.define('tb-metrics', MetricsPanel);
customElements.define('tb-quarantine', QuarantinePanel);
customElements.define('tb-dead-letters', DeadLettersPanel);
customElements.define('tb-replays', ReplaysPanel);
customElements.define('tb-sandbox', SandboxPanel);
customElements.define('tb-catalog', CatalogPanel);
