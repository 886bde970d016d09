// @ts-check
// C = O·T: each position of the forward input (a transposed layer's output) collects Σ O·k,
// written out, or as a heat map of the term counts on a large grid.
import { byId, el, product } from './dom.js';
import { inKey, inputName, outKey, outputName, tapName } from './names.js';
import { state } from './state.js';
import { drawTensor, shadeColor, sumCell } from './tensors.js';

/** @typedef {import('./core.js').Model} Model */

const MAX_TERMS = 4;

// A sum of products, whole up to MAX_TERMS terms; longer ones show the first, ⋯ and the count
// (the whole sum is the cell's tooltip).
/**
 * @param {[string, string][]} terms (output or input name, tap name) pairs
 * @param {boolean} [whole]
 * @returns {string}
 */
function sumText(terms, whole) {
  const parts = terms.map(([o, t]) => o + '·' + t);
  if (parts.length === 0) return '0';
  if (parts.length > MAX_TERMS && !whole) return parts[0] + ' + ⋯ (' + parts.length + ' terms)';
  if (parts.length > 60) return parts.slice(0, 30).join(' + ') + ' + ⋯ + ' + parts[parts.length - 1];
  return parts.join(' + ');
}

/**
 * @param {Model} m
 * @returns {HTMLElement[][]} the cells of each position (none on a heat map)
 */
export function drawSums(m) {
  const container = byId('sums-grid');
  const forward = !m.transposed;
  byId('h-sums').textContent = forward ? 'C = O·T on the input grid' : 'C = O·T on the output grid';
  byId('sums-note').textContent = forward
    ? 'Each input position collects, through T = Uᵀ, every output it feeds times the tap that connects them (the transposed convolution applied to O).'
    : 'The layer\u2019s output: each position collects its inputs O times the taps that connect them; the shading counts the terms (the overlaps).';
  const channels = forward ? m.inChannels : m.outChannels;
  const sizes = forward ? m.inputSizes : m.outputSizes;
  const counts = forward ? m.inputTerms : m.outputTerms;
  const kind = forward ? 'input' : 'output';
  const most = counts.reduce((a, b) => Math.max(a, b), 1);
  if (product(sizes) > 256) {
    // Too many positions to write out: a heat map of the term counts, one canvas per grid.
    byId('sums-note').textContent += ' Large grid: the shading and the numbers are the term counts; hover a position to link it.';
    drawHeatMap(container, channels, sizes, counts, kind, most);
    return [];
  }
  const termsOf = forward
    ? (f) => {
      /** @type {[string, string][]} */
      const terms = [];
      for (let e = m.colStart[f]; e < m.colStart[f + 1]; e++) terms.push([outputName(m, m.colRows[e]), tapName(m, m.colTaps[e])]);
      return terms;
    }
    : (r) => {
      /** @type {[string, string][]} */
      const terms = [];
      for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) terms.push([inputName(m, m.columns[e]), tapName(m, m.taps[e])]);
      return terms;
    };
  return drawTensor(container, channels, sizes, kind, 'sums/' + (forward ? inKey(m) : outKey(m)), (i) => sumText(termsOf(i)),
    { dynamic: true, extra: (cell, i) => {
      sumCell(cell, counts[i], most);
      cell.title = counts[i] > MAX_TERMS ? sumText(termsOf(i), true) : '';
    } });
}

// One canvas per channel and slice: a square per position, shaded by its count, with the count.
const HEAT = 15;
/**
 * @param {HTMLElement} container
 * @param {number} channels
 * @param {number[]} sizes
 * @param {Int32Array} counts
 * @param {string} kind
 * @param {number} most
 */
function drawHeatMap(container, channels, sizes, counts, kind, most) {
  const cols = sizes[sizes.length - 1];
  const rows = sizes.length >= 2 ? sizes[sizes.length - 2] : 1;
  const slice = rows * cols;
  const blocks = counts.length / slice;
  const key = ['heat', kind, channels, sizes].join('/');
  if (container.shapeKey !== key) {
    container.replaceChildren();
    for (let b = 0; b < blocks; b++) {
      const block = el('div', 'grid-block');
      if (blocks > 1) block.appendChild(el('div', 'grid-caption', (channels > 1 ? 'channel ' + Math.floor(b / (blocks / channels)) : 'slice ' + b)));
      const canvas = /** @type {HTMLCanvasElement} */ (el('canvas', 'heat'));
      canvas.width = cols * HEAT;
      canvas.height = rows * HEAT;
      canvas.setAttribute('data-heat-kind', kind);
      canvas.setAttribute('data-heat-base', String(b * slice));
      canvas.setAttribute('data-heat-cols', String(cols));
      block.appendChild(canvas);
      container.appendChild(block);
    }
    container.shapeKey = key;
    container.cells = null;
  }
  // Shading only (numbers would not fit); squares of one count are filled together.
  const canvases = container.querySelectorAll('canvas');
  canvases.forEach((canvas, b) => {
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    const byCount = new Map();
    for (let p = 0; p < slice; p++) {
      const count = counts[b * slice + p];
      const list = byCount.get(count);
      if (list) list.push(p); else byCount.set(count, [p]);
    }
    for (const [count, positions] of byCount) {
      context.fillStyle = shadeColor(count / most * 0.6);
      for (const p of positions) context.fillRect((p % cols) * HEAT + 1, Math.floor(p / cols) * HEAT + 1, HEAT - 2, HEAT - 2);
    }
  });
  container.counts = counts;
}

// The position under the pointer on a heat map, linked as its input or output.
/**
 * @param {MouseEvent} event
 * @returns {HTMLElement | null}
 */
export function heatTarget(event) {
  const canvas = /** @type {HTMLCanvasElement} */ (event.target);
  if (!canvas || canvas.tagName !== 'CANVAS' || !canvas.hasAttribute('data-heat-kind')) return null;
  const box = canvas.getBoundingClientRect();
  const cols = Number(canvas.getAttribute('data-heat-cols'));
  const x = Math.floor((event.clientX - box.left) / box.width * canvas.width / HEAT);
  const y = Math.floor((event.clientY - box.top) / box.height * canvas.height / HEAT);
  if (x < 0 || y < 0 || x >= cols || y >= canvas.height / HEAT) return null;
  const flat = Number(canvas.getAttribute('data-heat-base')) + y * cols + x;
  const kind = canvas.getAttribute('data-heat-kind');
  const list = (kind === 'input' ? state.index.inputs : state.index.outputs)[flat];
  return list ? list[0] : null;
}
