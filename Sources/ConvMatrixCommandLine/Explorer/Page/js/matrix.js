// @ts-check
// The kernel's taps and the matrix U (or T) with its elision.
import { byId, el, inputById } from './dom.js';
import { inputName, outputName, tapColor, tapName } from './names.js';

/**
 * @typedef {import('./core.js').Model} Model
 * @typedef {import('./state.js').MatrixCells} MatrixCells
 */

// The kernel's taps, one grid per channel pair (up to 64 pairs). The cells stay when the next
// layer's kernel has the same shape, names and captions.
/**
 * @param {Model} m
 * @returns {HTMLElement[][]} the cells of each tap
 */
export function drawKernel(m) {
  const container = byId('kernel-grid');
  const key = [m.outer, m.inner, m.groups, m.transposed, m.inChannels > 1 || m.outChannels > 1, m.kernelSizes].join('/');
  if (container.shapeKey === key && container.taps) return container.taps.map((list) => list.slice());
  container.replaceChildren();
  const cols = m.kernelSizes[m.kernelSizes.length - 1];
  const taps = [];
  const fragment = document.createDocumentFragment();
  const pairs = m.outer * m.inner;
  const shownPairs = Math.min(pairs, 64);
  for (let pair = 0; pair < shownPairs; pair++) {
    const block = el('div', 'grid-block');
    if (pairs > 1) {
      const o = Math.floor(pair / m.inner), c = pair % m.inner;
      block.appendChild(el('div', 'grid-caption', m.transposed
        ? 'in ' + o + ' → out ' + (Math.floor(o / (m.outer / m.groups)) * m.inner + c)
        : 'out ' + o + ' ← in ' + (Math.floor(o / (m.outer / m.groups)) * m.inner + c)));
    }
    const grid = el('div', 'grid kernel-grid');
    grid.setAttribute('role', 'grid');
    grid.style.setProperty('--cols', String(cols));
    for (let p = 0; p < m.kernelSpatial; p++) {
      const t = pair * m.kernelSpatial + p;
      const cell = el('div', 'cell tap', tapName(m, t));
      cell.setAttribute('data-tap', String(t));
      cell.setAttribute('tabindex', t === 0 ? '0' : '-1');
      cell.setAttribute('role', 'gridcell');
      cell.style.setProperty('--tap', tapColor(m, t));
      grid.appendChild(cell);
      taps[t] = [cell];
    }
    block.appendChild(grid);
    fragment.appendChild(block);
  }
  if (pairs > shownPairs) {
    fragment.appendChild(el('p', 'note', (pairs - shownPairs) + ' more channel pairs not drawn'));
  }
  container.appendChild(fragment);
  container.shapeKey = key;
  container.taps = taps;
  return taps.map((list) => list.slice());
}

// The rows or columns kept out of `count` under `limit`: all, or the first ⌈(limit−1)/2⌉ and
// the last ⌊(limit−1)/2⌋ around one elision (null) — the rule of derive's elided matrices.
/**
 * @param {number} count
 * @param {number} limit
 * @returns {(number | null)[]}
 */
function kept(count, limit) {
  limit = Math.max(limit, 3);
  const all = [];
  if (count <= limit) { for (let i = 0; i < count; i++) all.push(i); return all; }
  const head = Math.ceil((limit - 1) / 2), tail = Math.floor((limit - 1) / 2);
  for (let i = 0; i < head; i++) all.push(i);
  all.push(null);
  for (let i = count - tail; i < count; i++) all.push(i);
  return all;
}

/**
 * The taps of entry (r, c), in the column convention.
 * @param {Model} m
 * @param {number} r
 * @param {number} c
 * @returns {number[]}
 */
export function entryTaps(m, r, c) {
  const taps = [];
  for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) if (m.columns[e] === c) taps.push(m.taps[e]);
  return taps;
}

// The matrix as a grid of fixed-width cells (fast to lay out): a header row of column names,
// then per shown row its name and its entries. Every entry — zeros included — carries its
// output (data-row) and input (data-col) in the column convention, whatever the display.
/**
 * @param {Model} m
 * @returns {MatrixCells}
 */
export function drawMatrix(m) {
  const container = byId('matrix');
  const columnConvention = inputById('v-column').checked;
  const limit = Number(inputById('v-limit').value) || 28;
  const matrixName = m.transposed ? 'T' : 'U';
  // Display rows and columns: column convention rows = outputs; row convention rows = inputs.
  const shownRows = columnConvention ? m.rows : m.cols;
  const shownCols = columnConvention ? m.cols : m.rows;
  const displayRows = kept(shownRows, limit);
  const displayCols = kept(shownCols, limit);
  const productText = m.transposed
    ? (columnConvention ? 'z = T·y' : 'O·T = C')
    : (columnConvention ? 'y = U·x' : 'X·U = O');
  const elided = displayRows.length < shownRows || displayCols.length < shownCols;
  byId('h-matrix').textContent = matrixName + (columnConvention ? ' (column convention)' : ' (row convention)');
  byId('matrix-note').textContent = productText + '; ' + matrixName + ' is ' + shownRows + '×' + shownCols +
    ' here (rows are ' + (columnConvention ? 'outputs, columns inputs' : 'inputs, columns outputs') + '), ' +
    m.stored + ' stored taps' + (elided ? '; the middle rows and columns are elided (⋮ ⋯ ⋱), as derive elides them.' : '.');
  const shownOutputs = columnConvention ? displayRows : displayCols;
  const shownInputs = new Set((columnConvention ? displayCols : displayRows).filter((x) => x !== null));
  const rowsOf = new Map();  // shown output → shown input → taps
  let widest = 1;
  for (const r of shownOutputs) {
    if (r === null) continue;
    const map = new Map();
    for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) {
      const c = m.columns[e];
      if (!shownInputs.has(c)) continue;
      const list = map.get(c);
      if (list) list.push(m.taps[e]); else map.set(c, [m.taps[e]]);
    }
    for (const list of map.values()) widest = Math.max(widest, list.length);
    rowsOf.set(r, map);
  }
  const rowName = (i) => (columnConvention ? outputName(m, i) : inputName(m, i));
  const colName = (i) => (columnConvention ? inputName(m, i) : outputName(m, i));
  const heads = displayCols.map((i) => (i === null ? '⋯' : colName(i)));
  const rowHeads = displayRows.map((i) => (i === null ? '⋮' : rowName(i)));
  const tapChars = tapName(m, m.tapCount - 1).length;
  const width = Math.max(3, tapChars * widest + (widest - 1), ...heads.map((h) => h.length)) * 0.62 + 0.5;
  const headWidth = Math.max(...rowHeads.map((h) => h.length)) * 0.62 + 0.6;
  // Where the elision dots sit and how wide cells are: what the cells' layout depends on.
  const dots = (list) => list.length + ':' + list.indexOf(null);
  const shape = [dots(displayRows), dots(displayCols)].join('/');
  if (container.shape === shape && container.firstChild) {
    const grid = /** @type {HTMLElement} */ (container.firstChild);
    grid.setAttribute('aria-label', 'The matrix ' + matrixName);
    grid.style.setProperty('--entry', width.toFixed(2) + 'em');
    grid.style.setProperty('--head', headWidth.toFixed(2) + 'em');
    return refillMatrix(m, grid, displayRows, displayCols, columnConvention, rowsOf, heads, rowHeads);
  }
  const grid = el('div', 'matrix');
  grid.setAttribute('role', 'grid');
  grid.setAttribute('aria-label', 'The matrix ' + matrixName);
  grid.style.setProperty('--cols', String(displayCols.length + 1));
  grid.style.setProperty('--entry', width.toFixed(2) + 'em');
  grid.style.setProperty('--head', headWidth.toFixed(2) + 'em');
  grid.style.setProperty('--count', String(displayCols.length));
  grid.style.setProperty('--lines', String(displayRows.length + 1));
  const fragment = document.createDocumentFragment();
  fragment.appendChild(el('div', 'corner'));
  for (const h of heads) fragment.appendChild(el('div', 'col-head', h));
  const cells = { rows: [], cols: [], pair: new Map() };
  let first = true;
  displayRows.forEach((dr, rowIndex) => {
    fragment.appendChild(el('div', 'row-head', rowHeads[rowIndex]));
    for (const dc of displayCols) {
      if (dr === null || dc === null) {
        fragment.appendChild(el('div', 'dots', dr === null && dc === null ? '⋱' : (dr === null ? '⋮' : '⋯')));
        continue;
      }
      const r = columnConvention ? dr : dc;  // output
      const c = columnConvention ? dc : dr;  // input
      const taps = rowsOf.get(r).get(c);
      const cell = el('div', taps ? (taps.length > 1 ? 'entry sum' : 'entry') : 'entry zero',
        taps ? taps.map((t) => tapName(m, t)).join('+') : '0');
      cell.setAttribute('data-row', String(r));
      cell.setAttribute('data-col', String(c));
      cell.setAttribute('tabindex', first ? '0' : '-1');
      cell.setAttribute('role', 'gridcell');
      first = false;
      if (taps) {
        cell.setAttribute('data-taps', taps.join(' '));
        cell.style.setProperty('--tap', tapColor(m, taps[0]));
      }
      (cells.rows[r] = cells.rows[r] || []).push(cell);
      (cells.cols[c] = cells.cols[c] || []).push(cell);
      cells.pair.set(r * m.cols + c, cell);
      fragment.appendChild(cell);
    }
  });
  grid.appendChild(fragment);
  container.replaceChildren(grid);
  container.shape = shape;
  return cells;
}

// The same rows and columns shown as before (a control that keeps the display's shape, as on
// a large elided matrix): the cells stay, their text, taps and indices are rewritten.
/**
 * @param {Model} m
 * @param {HTMLElement} grid
 * @param {(number | null)[]} displayRows
 * @param {(number | null)[]} displayCols
 * @param {boolean} columnConvention
 * @param {Map<number, Map<number, number[]>>} rowsOf
 * @param {string[]} heads
 * @param {string[]} rowHeads
 * @returns {MatrixCells}
 */
function refillMatrix(m, grid, displayRows, displayCols, columnConvention, rowsOf, heads, rowHeads) {
  const cells = { rows: [], cols: [], pair: new Map() };
  const children = /** @type {HTMLCollectionOf<HTMLElement>} */ (grid.children);
  let k = 0;
  const text = (node, value) => { if (node.textContent !== value) node.textContent = value; };
  text(children[k++], '');
  for (const h of heads) text(children[k++], h);
  displayRows.forEach((dr, rowIndex) => {
    text(children[k++], rowHeads[rowIndex]);
    for (const dc of displayCols) {
      const cell = children[k++];
      if (dr === null || dc === null) continue;
      const r = columnConvention ? dr : dc;
      const c = columnConvention ? dc : dr;
      const taps = rowsOf.get(r).get(c);
      const className = taps ? (taps.length > 1 ? 'entry sum' : 'entry') : 'entry zero';
      if (cell.className !== className) cell.className = className;
      text(cell, taps ? taps.map((t) => tapName(m, t)).join('+') : '0');
      if (cell.getAttribute('data-row') !== String(r)) cell.setAttribute('data-row', String(r));
      if (cell.getAttribute('data-col') !== String(c)) cell.setAttribute('data-col', String(c));
      if (taps) {
        const joined = taps.join(' ');
        if (cell.getAttribute('data-taps') !== joined) {
          cell.setAttribute('data-taps', joined);
          cell.style.setProperty('--tap', tapColor(m, taps[0]));
        }
      } else if (cell.hasAttribute('data-taps')) {
        cell.removeAttribute('data-taps');
      }
      (cells.rows[r] = cells.rows[r] || []).push(cell);
      (cells.cols[c] = cells.cols[c] || []).push(cell);
      cells.pair.set(r * m.cols + c, cell);
    }
  });
  return cells;
}
