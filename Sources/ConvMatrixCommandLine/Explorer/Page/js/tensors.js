// @ts-check
// Input, output and C = O·T grids: a tensor (channels × spatial) drawn as one 2-D grid per
// channel and leading index. Grids past 256 positions are text-free cells over a canvas.
import { el, product } from './dom.js';
import { multiIndex } from './names.js';

/**
 * @typedef {object} TensorOptions
 * @property {(cell: HTMLElement, flat: number) => void} [extra] Styles a cell after it is named.
 * @property {boolean} [dynamic] The names change with the layer: rewrite the text each time.
 * @property {(flat: number) => number | null} [shade] A dense grid's shading, a weight in [0, 1].
 */

// A tensor (channels × spatial) drawn as one 2-D grid per channel and leading index. The cells
// are kept when the next layer has the same shape and names (`key`): a control that leaves the
// input alone redraws only what changed. Grids past 256 positions are dense (drawDenseTensor);
// `dynamic` grids rewrite their text each time.
/**
 * @param {HTMLElement} container
 * @param {number} channels
 * @param {number[]} sizes
 * @param {string} kind `input` or `output`: the cells' data attribute
 * @param {string} key
 * @param {(flat: number) => string} nameOf
 * @param {TensorOptions} [options]
 * @returns {HTMLElement[][]} the cells of each flat index
 */
export function drawTensor(container, channels, sizes, kind, key, nameOf, options) {
  const spatial = product(sizes);
  const extra = options && options.extra;
  const dynamic = options && options.dynamic;
  container.labelOf = nameOf;
  if (spatial > 256) return drawDenseTensor(container, channels, sizes, kind, options && options.shade);
  container.dense = null;
  if (container.shapeKey === key && container.cells) {
    const lists = container.cells;
    if (dynamic || extra) {
      for (let flat = 0; flat < lists.length; flat++) {
        const cell = lists[flat][0];
        if (dynamic) cell.textContent = nameOf(flat);
        if (extra) extra(cell, flat);
      }
    }
    return lists.map((list) => list.slice());
  }
  container.replaceChildren();
  const cols = sizes[sizes.length - 1];
  const rows = sizes.length >= 2 ? sizes[sizes.length - 2] : 1;
  const slice = rows * cols;
  const slices = spatial / slice;
  const fragment = document.createDocumentFragment();
  const lists = [];
  for (let c = 0; c < channels; c++) {
    for (let s = 0; s < slices; s++) {
      const block = el('div', 'grid-block');
      const caption = blockCaption(channels, c, sizes, slices, s);
      if (caption) block.appendChild(el('div', 'grid-caption', caption));
      const grid = el('div', 'grid');
      grid.setAttribute('role', 'grid');
      grid.style.setProperty('--cols', String(cols));
      grid.style.setProperty('--rows', String(rows));
      if (!dynamic) grid.style.setProperty('--cell', cols <= 6 ? '2.6rem' : cols <= 10 ? '2.1rem' : '1.75rem');
      if (!dynamic && cols > 10) grid.classList.add('small');
      for (let p = 0; p < slice; p++) {
        const flat = c * spatial + s * slice + p;
        const cell = el('div', 'cell ' + kind, nameOf(flat));
        cell.setAttribute('data-' + kind, String(flat));
        // One tab stop per grid (arrows move it); the others get tabindex when reached.
        cell.setAttribute('tabindex', p === 0 ? '0' : '-1');
        if (extra) extra(cell, flat);
        grid.appendChild(cell);
        lists[flat] = [cell];
      }
      block.appendChild(grid);
      fragment.appendChild(block);
    }
  }
  container.appendChild(fragment);
  container.shapeKey = key;
  container.cells = lists;
  return lists.map((list) => list.slice());
}

// What a grid of channel `c` and leading index `s` is called ('' for a lone 2-D grid).
/**
 * @param {number} channels
 * @param {number} c
 * @param {number[]} sizes
 * @param {number} slices
 * @param {number} s
 * @returns {string}
 */
export function blockCaption(channels, c, sizes, slices, s) {
  let caption = '';
  if (channels > 1) caption += 'channel ' + c;
  if (slices > 1) caption += (caption ? ', ' : '') + 'slice ' + multiIndex(s, sizes.slice(0, -2)).join(',');
  return caption;
}

// A grid past 256 positions: cells without text, each 15 px with a 1 px gap, over a canvas that
// paints them — and a transposed layer's overlap shading (`shade(flat)`: a weight in [0, 1], or
// null) — so that a redraw restyles no cell. The cells stay from one dense layer to the next:
// a change of size adds or removes cells at the end and renumbers those whose index moved.
// A cell gets its name as its accessible label when it is focused (labelCell).
const DENSE = 16;
/**
 * @param {HTMLElement} container
 * @param {number} channels
 * @param {number[]} sizes
 * @param {string} kind
 * @param {((flat: number) => number | null) | undefined} shade
 * @returns {HTMLElement[][]}
 */
function drawDenseTensor(container, channels, sizes, kind, shade) {
  const cols = sizes[sizes.length - 1];
  const rows = sizes.length >= 2 ? sizes[sizes.length - 2] : 1;
  const slice = rows * cols;
  const spatial = product(sizes);
  const slices = spatial / slice;
  const count = channels * slices;
  if (!container.dense || container.dense.length !== count) {
    container.replaceChildren();
    container.dense = [];
    for (let b = 0; b < count; b++) {
      const caption = el('div', 'grid-caption');
      const canvas = /** @type {HTMLCanvasElement} */ (el('canvas', 'underlay'));
      canvas.setAttribute('aria-hidden', 'true');
      const grid = el('div', 'grid dense');
      grid.setAttribute('role', 'grid');
      const frame = el('div', 'dense-frame');
      frame.append(canvas, grid);
      const block = el('div', 'grid-block');
      block.append(caption, frame);
      container.appendChild(block);
      container.dense.push({ caption: caption, canvas: canvas, grid: grid, cells: [], cols: 0, rows: 0, painted: null });
    }
  }
  container.shapeKey = null;
  container.cells = null;
  const lists = [];
  container.dense.forEach((block, b) => {
    const c = Math.floor(b / slices), s = b % slices;
    const caption = blockCaption(channels, c, sizes, slices, s);
    if (block.caption.textContent !== caption) block.caption.textContent = caption;
    block.caption.hidden = caption === '';
    if (block.cols !== cols || block.rows !== rows) {
      block.grid.style.setProperty('--cols', String(cols));
      block.grid.style.setProperty('--rows', String(rows));
      block.cols = cols;
      block.rows = rows;
    }
    const cells = block.cells;
    while (cells.length > slice) cells.pop().remove();
    if (cells.length < slice) {
      const fragment = document.createDocumentFragment();
      while (cells.length < slice) {
        const cell = el('div', 'cell ' + kind);
        cells.push(cell);
        fragment.appendChild(cell);
      }
      block.grid.appendChild(fragment);
    }
    const base = b * slice;
    for (let p = 0; p < slice; p++) {
      const cell = cells[p];
      if (cell.flat !== base + p) {
        cell.flat = base + p;
        cell.setAttribute('data-' + kind, String(base + p));
        cell.removeAttribute('aria-label');
      }
      lists[base + p] = [cell];
    }
    if (!block.grid.querySelector('[tabindex="0"]')) cells[0].setAttribute('tabindex', '0');
    paintDense(block, base, shade);
  });
  return lists;
}

// Paints a dense grid's canvas: a square per position, plain or shaded by its weight. Nothing is
// painted when the squares and their weights are those already painted.
/**
 * @param {ExplorerDenseBlock} block
 * @param {number} base
 * @param {((flat: number) => number | null) | undefined} shade
 */
function paintDense(block, base, shade) {
  const { canvas, cols, rows } = block;
  const weights = [];
  for (let p = 0; p < cols * rows; p++) weights.push(shade ? shade(base + p) : null);
  const painted = cols + 'x' + rows + ':' + weights.join(',');
  if (block.painted === painted) return;
  block.painted = painted;
  const ratio = window.devicePixelRatio || 1;
  const width = cols * DENSE - 1, height = rows * DENSE - 1;
  canvas.style.width = width + 'px';
  canvas.style.height = height + 'px';
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const byColor = new Map();
  weights.forEach((w, p) => {
    const color = w === null ? '#dde3e9' : shadeColor(w * 0.6);
    const list = byColor.get(color);
    if (list) list.push(p); else byColor.set(color, [p]);
  });
  for (const [color, positions] of byColor) {
    context.fillStyle = color;
    for (const p of positions) context.fillRect((p % cols) * DENSE, Math.floor(p / cols) * DENSE, DENSE - 1, DENSE - 1);
  }
}

/**
 * @param {number} w
 * @returns {string}
 */
export function shadeColor(w) {
  return 'rgb(' + Math.round(255 - w * (255 - 58)) + ',' + Math.round(255 - w * (255 - 123)) + ',' + Math.round(255 - w * (255 - 213)) + ')';
}

/**
 * @param {Element} target
 */
export function labelCell(target) {
  const cell = /** @type {HTMLElement} */ (target);
  if (!cell) return;
  const container = /** @type {HTMLElement | null} */ (cell.closest('.tensor'));
  if (!container || !container.labelOf) return;
  for (const kind of ['input', 'output']) {
    if (cell.hasAttribute('data-' + kind)) {
      cell.setAttribute('aria-label', container.labelOf(Number(cell.getAttribute('data-' + kind))));
    }
  }
}

// A transposed layer's output shaded by its overlap count (null: no shading); DOM writes only
// when the value changes.
/**
 * @param {HTMLElement} cell
 * @param {number | null} weight
 */
export function setOverlap(cell, weight) {
  if (cell.overlapWeight === weight) return;
  if (cell.overlapWeight === undefined && weight === null) return;
  cell.overlapWeight = weight;
  if (weight === null) {
    cell.classList.remove('overlap');
    cell.style.removeProperty('--weight');
  } else {
    cell.classList.add('overlap');
    cell.style.setProperty('--weight', String(weight));
  }
}

// Shading by the number of terms, relative to the most any position has.
/**
 * @param {HTMLElement} cell
 * @param {number} count
 * @param {number} most
 */
export function sumCell(cell, count, most) {
  const weight = String(count / most);
  if (cell.terms === count && cell.weight === weight) return;  // unchanged: no style to recompute
  cell.terms = count;
  cell.weight = weight;
  cell.classList.add('sum-cell');
  cell.setAttribute('data-terms', String(count));
  cell.style.setProperty('--weight', weight);
}
