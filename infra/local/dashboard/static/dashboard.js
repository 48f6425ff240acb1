// The dashboard: plain web components, no library and no build step (see README, Dashboard).
import { status } from './api.js';
import './live-events.js';
import './panels.js';

let timer;

/** Shows one tab; its panel refreshes now and, if it has an interval, while it stays shown. */
function show(name) {
  for (const button of document.querySelectorAll('#tabs button'))
    button.setAttribute('aria-selected', String(button.dataset.tab === name));
  for (const section of document.querySelectorAll('main > .tab')) section.hidden = section.id !== name;
  clearInterval(timer);
  const panel = document.getElementById(name).firstElementChild;
  if (typeof panel.refresh !== 'function') return;
  panel.refresh();
  if (panel.interval > 0) timer = setInterval(() => panel.refresh(), panel.interval);
}

async function showTotals() {
  const totals = await status();
  document.getElementById('totals').textContent =
    `${totals.events} events · ${totals.rules} rules · ${totals.deadLetters} dead letters`;
}

for (const button of document.querySelectorAll('#tabs button'))
  button.addEventListener('click', () => show(button.dataset.tab));
const initial = location.hash.slice(1);
if (initial !== '' && document.getElementById(initial)?.classList.contains('tab')) show(initial);
/** Totals count rows in the log: at most once a second while records arrive, else every 5 s. */
const TOTALS_MS = 1_000;
let totalsAt = 0;
let totalsTimer;
function refreshTotals() {
  if (totalsTimer !== undefined) return;
  totalsTimer = setTimeout(
    () => {
      totalsTimer = undefined;
      // Nobody looks at a hidden page: it asks again when shown.
      if (document.hidden) return;
      totalsAt = Date.now();
      showTotals();
    },
    Math.max(0, totalsAt + TOTALS_MS - Date.now()),
  );
}
showTotals();
document.addEventListener('tb-records', refreshTotals);
document.addEventListener('visibilitychange', refreshTotals);
setInterval(refreshTotals, 5_000);
