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
showTotals();
// Totals count rows in the log: every 10 s, and not at all while the page is not looked at.
setInterval(() => document.hidden || showTotals(), 10_000);
