// @ts-check
// The explorer page: draws what the ConvMatrix core (WebAssembly) computes and links it. It
// parses no flag values and applies no convolution rule: the layer's flags go to the core as
// name–value pairs (the command line's names, generated/protocol.js), and everything drawn
// comes from the core's answer. This module holds the controls, the link's fragment and the
// start-up.
import { explore, startCore } from './core.js';
import { byId, el } from './dom.js';
import { draw } from './draw.js';
import { DEFAULTS, FLAGS, SWITCHES } from './generated/protocol.js';
import { clearLinks, linkFrom, moveFocus } from './linking.js';
import { drawMatrix } from './matrix.js';
import { state } from './state.js';
import { heatTarget } from './sums.js';
import { labelCell } from './tensors.js';

/** @typedef {import('./core.js').Model} Model */

const root = document.documentElement;

// ---- Controls and the fragment ---------------------------------------------------------------
/** The control of each flag, by its name. @type {Record<string, HTMLInputElement & HTMLSelectElement>} */
const controls = {};
for (const name of FLAGS.concat(SWITCHES)) {
  const control = document.querySelector('[data-flag="' + name + '"]');
  if (control) controls[name] = /** @type {HTMLInputElement & HTMLSelectElement} */ (control);
}
/** The value flags that have a control. */
const valueFlags = FLAGS.filter((name) => controls[name]);
/** The switches that have a control. */
const switches = SWITCHES.filter((name) => controls[name]);

/**
 * The name–value pairs of the link's fragment.
 * @returns {[string, string][]}
 */
function fragmentPairs() {
  const hash = location.hash.replace(/^#/, '');
  if (!hash) return [];
  return hash.split('&').filter((p) => p.length).map((part) => {
    const at = part.indexOf('=');
    const name = at < 0 ? part : part.slice(0, at);
    const value = at < 0 ? '' : part.slice(at + 1);
    return [decodeText(name), decodeText(value)];
  });
}
/**
 * @param {string} text
 * @returns {string}
 */
function decodeText(text) {
  try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (e) { return text; }
}
// The layer of the link's fragment when it has one — read like a command line, every flag not
// given taking its default — or else the layer `convmatrix explore` embedded.
/**
 * @returns {[string, string][]}
 */
function mergedPairs() {
  const fromLink = fragmentPairs();
  return fromLink.length ? fromLink : state.initialPairs;
}
/**
 * @param {[string, string][]} pairs
 */
function setControls(pairs) {
  for (const name of valueFlags) {
    const control = controls[name];
    if (control.tagName === 'SELECT') control.value = control.options[0].value;
    else control.value = '';
  }
  for (const name of switches) controls[name].checked = false;
  for (const [name, value] of pairs) {
    const key = name === 'transposed-layer' ? 'transposed' : name;
    const control = controls[key];
    if (!control) continue;
    if (control.type === 'checkbox') control.checked = value === '1' || value === 'true' || value === '';
    else if (control.tagName === 'SELECT') {
      if (!Array.prototype.some.call(control.options, (o) => o.value === value)) {
        const option = /** @type {HTMLOptionElement} */ (el('option', 'unknown', value));
        option.value = value;
        control.appendChild(option);
      }
      control.value = value;
    } else control.value = value;
  }
  // Empty fields show the command line's defaults, so every value is visible and editable.
  for (const [name, value] of Object.entries(DEFAULTS)) {
    if (controls[name] && controls[name].value === '') controls[name].value = value;
  }
  syncKind();
}
/**
 * The layer the controls hold, as name–value pairs.
 * @returns {[string, string][]}
 */
function controlPairs() {
  const transposed = controls.transposed.checked;
  const pooling = !transposed && controls['average-pool'].checked;
  /** @type {[string, string][]} */
  const pairs = [];
  for (const name of valueFlags) {
    if (transposed && (name === 'padding-mode' || name === 'same-rule')) continue;
    if (!transposed && name === 'output-padding') continue;
    if (pooling && (name === 'out-channels' || name === 'groups')) continue;
    const value = controls[name].value;
    if (name === 'same-rule' && value === controls[name].options[0].value) continue;
    if (value !== '') pairs.push([name, value]);
  }
  if (transposed) pairs.push(['transposed', '1']);
  if (controls.flip.checked) pairs.push(['flip', '1']);
  if (pooling) pairs.push(['average-pool', '1']);
  return pairs;
}
/** Enables the controls that apply to the layer's kind. */
function syncKind() {
  const transposed = controls.transposed.checked;
  const pooling = !transposed && controls['average-pool'].checked;
  document.body.classList.toggle('controls-transposed', transposed);
  for (const name of ['padding-mode', 'same-rule', 'average-pool']) controls[name].disabled = transposed;
  controls['output-padding'].disabled = !transposed;
  for (const name of ['out-channels', 'groups']) controls[name].disabled = pooling;
}
/**
 * @param {[string, string][]} pairs
 * @returns {string}
 */
function fragmentOf(pairs) {
  return '#' + pairs.map(([n, v]) => encodeURIComponent(n) + '=' + encodeURIComponent(v)).join('&');
}

/**
 * Shows the command line's error line under the title. The last good layer stays drawn (dimmed by
 * the `error` state); before any layer is drawn, the summary says so instead of "Loading…".
 * @param {string} line
 */
function showError(line) {
  byId('message').textContent = line;
  if (!state.model) byId('summary').textContent = 'No layer drawn yet.';
  root.dataset.state = 'error';
}

/** The times of the last redraws, for the browser test. @type {object[]} */
const lastTimes = [];
/**
 * Computes and draws the layer of `pairs`, or shows the command line's error line.
 * @param {[string, string][]} pairs
 * @param {boolean} writeFragment
 */
function compute(pairs, writeFragment) {
  const start = performance.now();
  const result = explore(pairs);
  const computed = performance.now();
  if (result.ok === false) {
    showError(result.line);
    return result;
  }
  draw(result);
  byId('message').textContent = '';
  root.dataset.state = 'ready';
  const drawn = performance.now();
  lastTimes.push({ compute: computed - start, draw: drawn - computed, total: drawn - start, steps: state.lastSteps });
  if (lastTimes.length > 200) lastTimes.shift();
  if (writeFragment) writeFragmentSoon(fragmentOf(pairs));
  return result;
}

// The link follows the layer a moment after it is drawn: the history entry is written off the
// redraw's path, and a burst of changes (typing, a held arrow key) writes it once — browsers
// also ignore history writes that come too fast. Leaving the page writes what is pending.
/** @type {string | null} */
let pendingFragment = null;
let fragmentTimer = 0;
/**
 * @param {string} text
 */
function writeFragmentSoon(text) {
  pendingFragment = text;
  if (!fragmentTimer) fragmentTimer = setTimeout(flushFragment, 100);
}

function flushFragment() {
  clearTimeout(fragmentTimer);
  fragmentTimer = 0;
  if (pendingFragment !== null && location.hash !== pendingFragment) history.replaceState(null, '', pendingFragment);
  pendingFragment = null;
}


function fromControls() { syncKind(); compute(controlPairs(), true); }
function fromFragment() {
  pendingFragment = null;  // the link was edited: it wins over a pending write
  const pairs = mergedPairs();
  setControls(pairs);
  compute(pairs, false);
}

function fromFragment() {
  pendingFragment = null;  // the link was edited: it wins over a pending write
  const pairs = mergedPairs();
  setControls(pairs);
  compute(pairs, false);
}

// ↑/↓ in a size field steps every axis by one when the field holds plain numbers.
/**
 * @param {KeyboardEvent} event
 */
function stepField(event) {
  const field = /** @type {HTMLInputElement} */ (event.target);
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  if (!/^\d+(x\d+)*$/.test(field.value)) return;
  event.preventDefault();
  const delta = event.key === 'ArrowUp' ? 1 : -1;
  field.value = field.value.split('x').map((v) => String(Math.max(0, Number(v) + delta))).join('x');
  fromControls();
}


function start() {
  const form = byId('controls');
  form.addEventListener('input', (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.name === 'convention') return;
    if (target.id === 'v-limit') return;
    if (target === controls['average-pool'] && target.checked) {
      controls.stride.value = controls.kernel.value;  // pooling windows side by side
    }
    fromControls();
  });
  form.addEventListener('change', (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.name === 'convention' || target.id === 'v-limit') {
      if (state.model) { const cells = drawMatrix(state.model); state.index.matrix = cells; clearLinks(); }
    }
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const name of valueFlags) {
    if (controls[name].tagName === 'INPUT') controls[name].addEventListener('keydown', stepField);
  }
  const panels = /** @type {HTMLElement} */ (document.querySelector('.panels'));
  panels.addEventListener('mouseover', (event) => {
    const target = /** @type {Element} */ (event.target);
    if (target.tagName !== 'CANVAS') linkFrom(target);
  });
  panels.addEventListener('mousemove', (event) => {
    if (/** @type {Element} */ (event.target).tagName === 'CANVAS') linkFrom(heatTarget(event));
  });
  panels.addEventListener('mouseleave', () => linkFrom(null));
  panels.addEventListener('focusin', (event) => {
    const target = /** @type {Element} */ (event.target);
    labelCell(target);
    linkFrom(target);
  });
  panels.addEventListener('keydown', moveFocus);
  window.addEventListener('hashchange', fromFragment);
  window.addEventListener('pagehide', flushFragment);
  window.convmatrixExplorer = {
    times: () => lastTimes.slice(),
    // Whether the link is yet to follow the drawn layer (it does within 100 ms).
    fragmentPending: () => pendingFragment !== null,
    // Sets the controls to `pairs` and recomputes and redraws at once, as a control change does.
    apply: (/** @type {[string, string][]} */ pairs) => { setControls(pairs); compute(controlPairs(), true); return root.dataset.state; },
  };
  fromFragment();
}

startCore(byId('explorer-wasm').textContent).then(start).catch((error) => {
  showError('error: the page could not start its WebAssembly core (' + String(error && error.message) + ')');
});
