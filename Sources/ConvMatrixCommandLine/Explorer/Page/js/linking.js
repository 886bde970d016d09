// @ts-check
// Linking: hovering or focusing an output, an input, a matrix entry or a tap lights what it is
// linked to (class `linked`); the arrow keys move the focus within a grid.
import { entryTaps } from './matrix.js';
import { tapColor, tapName } from './names.js';
import { state } from './state.js';

/** @typedef {import('./core.js').Model} Model */

/** The lit elements. @type {HTMLElement[]} */
let lit = [];
/** What is linked now. */
let current = '';

/** Unlights everything. */
export function clearLinks() {
  for (const e of lit) { e.classList.remove('linked', 'linked-main'); e.removeAttribute('data-via'); }
  lit = [];
  current = '';
}

/**
 * @param {HTMLElement[] | undefined} list
 * @param {string} [via] the tap (or taps) that connect them
 */
function light(list, via) {
  if (!list) return;
  for (const e of list) {
    e.classList.add('linked');
    if (via !== undefined) e.setAttribute('data-via', via);
    lit.push(e);
  }
}

/**
 * @param {Model} m
 * @param {number} t
 */
function lightTap(m, t) {
  const list = state.index.taps[t];
  if (list) light(list);
}

/**
 * @param {number} r
 */
function linkOutput(r) {
  const m = state.model;
  light(state.index.outputs[r]);
  light(state.index.matrix.rows[r]);
  for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) {
    const c = m.columns[e], t = m.taps[e];
    light(state.index.inputs[c], tapName(m, t));
    for (const cell of state.index.inputs[c] || []) cell.style.setProperty('--via', tapColor(m, t));
    lightTap(m, t);
  }
}

/**
 * @param {number} c
 */
function linkInput(c) {
  const m = state.model;
  light(state.index.inputs[c]);
  light(state.index.matrix.cols[c]);
  for (let e = m.colStart[c]; e < m.colStart[c + 1]; e++) {
    const r = m.colRows[e], t = m.colTaps[e];
    light(state.index.outputs[r], tapName(m, t));
    for (const cell of state.index.outputs[r] || []) cell.style.setProperty('--via', tapColor(m, t));
    lightTap(m, t);
  }
}

/**
 * @param {number} r
 * @param {number} c
 */
function linkEntry(r, c) {
  const m = state.model;
  const cell = state.index.matrix.pair.get(r * m.cols + c);
  if (cell) light([cell]);
  const taps = entryTaps(m, r, c);
  const via = taps.map((t) => tapName(m, t)).join('+');
  light(state.index.outputs[r], via || undefined);
  light(state.index.inputs[c], via || undefined);
  for (const t of taps) lightTap(m, t);
}

/**
 * @param {number} t
 */
function linkTap(t) {
  const m = state.model;
  lightTap(m, t);
  for (let r = 0; r < m.rows; r++) {
    for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) {
      if (m.taps[e] !== t) continue;
      light(state.index.outputs[r]);
      light(state.index.inputs[m.columns[e]]);
      const cell = state.index.matrix.pair.get(r * m.cols + m.columns[e]);
      if (cell) light([cell]);
    }
  }
}

/**
 * Links the cell at or around `target` (nothing for null).
 * @param {Element | null} target
 */
export function linkFrom(target) {
  if (!state.model || !state.index) return;
  const cell = /** @type {HTMLElement | null} */ (target && target.closest ? target.closest('[data-output],[data-input],[data-row],[data-tap]') : null);
  const key = cell ? ['output', 'input', 'row', 'col', 'tap'].map((k) => cell.getAttribute('data-' + k)).join('|') : '';
  if (key === current) return;
  clearLinks();
  current = key;
  if (!cell) return;
  if (cell.hasAttribute('data-row')) linkEntry(Number(cell.getAttribute('data-row')), Number(cell.getAttribute('data-col')));
  else if (cell.hasAttribute('data-output')) linkOutput(Number(cell.getAttribute('data-output')));
  else if (cell.hasAttribute('data-input')) linkInput(Number(cell.getAttribute('data-input')));
  else linkTap(Number(cell.getAttribute('data-tap')));
  cell.classList.add('linked-main');
  lit.push(cell);
}

// Arrow keys move focus within a grid (or the matrix table); the moved-to cell becomes the
// grid's tab stop, and focusing links it as hovering does.
const FOCUSABLE = '[data-input],[data-output],[data-row],[data-tap]';
/**
 * @param {KeyboardEvent} event
 */
export function moveFocus(event) {
  const cell = /** @type {HTMLElement} */ (event.target);
  if (!cell.matches || !cell.matches(FOCUSABLE)) return;
  const grid = cell.parentElement;
  const cols = Number(grid.style.getPropertyValue('--cols')) || 1;
  const cells = grid.children;
  const position = Array.prototype.indexOf.call(cells, cell);
  const delta = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -cols, ArrowDown: cols }[event.key];
  /** @type {HTMLElement | null} */
  let next = null;
  if (event.key === 'Home' || event.key === 'End') {
    const all = grid.querySelectorAll(FOCUSABLE);
    next = /** @type {HTMLElement} */ (event.key === 'Home' ? all[0] : all[all.length - 1]);
  } else if (delta !== undefined) {
    const row = Math.floor(position / cols);
    for (let i = position + delta; i >= 0 && i < cells.length; i += delta) {
      if ((delta === 1 || delta === -1) && Math.floor(i / cols) !== row) break;
      if (cells[i].matches(FOCUSABLE)) { next = /** @type {HTMLElement} */ (cells[i]); break; }
    }
  }
  if (!next) return;
  event.preventDefault();
  cell.setAttribute('tabindex', '-1');
  next.setAttribute('tabindex', '0');
  next.focus();
}
