// The explorer page: draws what the ConvMatrix core (WebAssembly) computes and links it.
// It parses no flag values and applies no convolution rule: the layer's flags go to the core as
// name–value pairs, and everything drawn comes from the core's answer. Every text that reaches
// the page goes through textContent or a data attribute set by setAttribute with our own numbers.
'use strict';
(function () {
  const root = document.documentElement;
  const byId = (id) => document.getElementById(id);
  const FLAGS = ['input', 'kernel', 'stride', 'padding', 'dilation', 'output-padding',
    'in-channels', 'out-channels', 'groups', 'padding-mode', 'same-rule'];
  const SWITCHES = ['transposed', 'flip', 'average-pool'];
  const MODES = ['zeros', 'reflect', 'replicate', 'circular'];
  const MAX_TERMS = 4;
  // What the command line assumes for a flag not given (shown in the empty fields).
  const DEFAULTS = { stride: '1', padding: '0', dilation: '1', 'output-padding': '0',
    'in-channels': '1', 'out-channels': '1', groups: '1' };

  function readJSON(id, fallback) {
    try { return JSON.parse(byId(id).textContent); } catch (e) { return fallback; }
  }
  const palette = readJSON('explorer-palette', ['1F77B4']);
  const initialPairs = readJSON('explorer-layer', []);

  // ---- The core --------------------------------------------------------------------------
  let core = null;
  let compiled = null;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  function base64Bytes(text) {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Sends the pairs to the core; a trap (which validation should make impossible) gets a fresh
  // instance, so one bad layer never breaks the next.
  function explore(pairs) {
    try {
      return exploreOnce(pairs);
    } catch (error) {
      core = new WebAssembly.Instance(compiled, {}).exports;
      return { ok: false, line: 'error: the core stopped on this layer (' + String(error && error.message) + ')' };
    }
  }

  // Sends the pairs to the core and copies its answer out of the wasm memory.
  function exploreOnce(pairs) {
    const parts = [];
    let total = 0;
    for (const [name, value] of pairs) {
      for (const text of [name, value]) {
        const bytes = encoder.encode(text);
        parts.push(bytes);
        total += 4 + bytes.length;
      }
    }
    const request = core.convmatrix_alloc(total);
    if (!request) return { ok: false, line: 'error: the layer is too large for the page' };
    let view = new DataView(core.memory.buffer);
    let offset = request;
    for (const bytes of parts) {
      view.setUint32(offset, bytes.length, true);
      new Uint8Array(core.memory.buffer, offset + 4, bytes.length).set(bytes);
      offset += 4 + bytes.length;
    }
    const answer = core.convmatrix_explore(request, total);
    core.convmatrix_free(request);
    if (!answer) return { ok: false, line: 'error: the layer is too large for the page' };
    const head = new Int32Array(core.memory.buffer, answer, 2);
    let result;
    if (head[0] !== 1) {
      const line = decoder.decode(new Uint8Array(core.memory.buffer, answer + 8, head[1]));
      result = { ok: false, line: line };
    } else {
      result = decodeModel(new Int32Array(core.memory.buffer, answer, head[1]).slice());
    }
    core.convmatrix_free(answer);
    return result;
  }

  // The word layout is documented in ExplorerEncoding.swift.
  function decodeModel(w) {
    let i = 2;
    const m = {
      ok: true, transposed: w[i++] === 1, rank: w[i++], inChannels: w[i++], outChannels: w[i++],
      groups: w[i++], mode: MODES[w[i++]], flip: w[i++] === 1, outer: w[i++], inner: w[i++],
      rows: w[i++], cols: w[i++], tapCount: w[i++], stored: w[i++], axes: [],
    };
    for (let t = 0; t < m.rank; t++) {
      const axis = {
        input: w[i++], kernel: w[i++], stride: w[i++], dilation: w[i++], before: w[i++],
        after: w[i++], outputPadding: w[i++], output: w[i++], same: [],
      };
      const count = w[i++];
      for (let s = 0; s < count; s++) axis.same.push([w[i++], w[i++]]);
      m.axes.push(axis);
    }
    m.rowStart = w.subarray(i, i + m.rows + 1); i += m.rows + 1;
    m.columns = w.subarray(i, i + m.stored); i += m.stored;
    m.taps = w.subarray(i, i + m.stored); i += m.stored;
    m.outputTerms = w.subarray(i, i + m.rows); i += m.rows;
    m.inputTerms = w.subarray(i, i + m.cols); i += m.cols;
    m.inputSizes = m.axes.map((a) => a.input);
    m.outputSizes = m.axes.map((a) => a.output);
    m.kernelSizes = m.axes.map((a) => a.kernel);
    m.inputSpatial = product(m.inputSizes);
    m.outputSpatial = product(m.outputSizes);
    m.kernelSpatial = product(m.kernelSizes);
    // Column index (inputs → their entries), by a counting sort of the row-major entries.
    m.colStart = new Int32Array(m.cols + 1);
    for (let e = 0; e < m.stored; e++) m.colStart[m.columns[e] + 1]++;
    for (let c = 0; c < m.cols; c++) m.colStart[c + 1] += m.colStart[c];
    const next = m.colStart.slice(0, m.cols);
    m.colRows = new Int32Array(m.stored);
    m.colTaps = new Int32Array(m.stored);
    for (let r = 0; r < m.rows; r++) {
      for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) {
        const c = m.columns[e];
        m.colRows[next[c]] = r;
        m.colTaps[next[c]] = m.taps[e];
        next[c]++;
      }
    }
    return m;
  }

  function product(values) { return values.reduce((a, b) => a * b, 1); }

  // ---- Names, as the command line prints them ------------------------------------------------
  const SUB = '₀₁₂₃₄₅₆₇₈₉';
  const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  function digits(n, table) { return String(n).replace(/[0-9]/g, (d) => table[+d]); }
  function indexList(values) {
    const separate = values.some((v) => v < 0 || v > 9);
    return values.map((v) => digits(v, SUB)).join(separate ? ',' : '');
  }
  function symbol(letter, indices, superscript) {
    let text = letter;
    if (superscript.length) text += '⁽' + superscript.map((v) => digits(v, SUP)).join(',') + '⁾';
    return text + indexList(indices);
  }
  function multiIndex(flat, sizes) {
    const index = new Array(sizes.length);
    for (let t = sizes.length - 1; t >= 0; t--) {
      index[t] = flat % sizes[t];
      flat = Math.floor(flat / sizes[t]);
    }
    return index;
  }
  function letters(m) { return m.transposed ? ['O', 'C'] : ['I', 'O']; }
  // Names are built once per layer and kept (a redraw names thousands of cells).
  function cached(m, kind, i, make) {
    const names = m.names || (m.names = { input: [], output: [], tap: [] });
    const known = names[kind][i];
    if (known !== undefined) return known;
    return (names[kind][i] = make());
  }
  function inputName(m, f) {
    return cached(m, 'input', f, () => symbol(letters(m)[0], multiIndex(f % m.inputSpatial, m.inputSizes),
      m.inChannels > 1 ? [Math.floor(f / m.inputSpatial)] : []));
  }
  function outputName(m, r) {
    return cached(m, 'output', r, () => symbol(letters(m)[1], multiIndex(r % m.outputSpatial, m.outputSizes),
      m.outChannels > 1 ? [Math.floor(r / m.outputSpatial)] : []));
  }
  function tapName(m, t) {
    return cached(m, 'tap', t, () => {
      const pair = Math.floor(t / m.kernelSpatial);
      const channelled = m.inChannels > 1 || m.outChannels > 1;
      return symbol('k', multiIndex(t % m.kernelSpatial, m.kernelSizes),
        channelled ? [Math.floor(pair / m.inner), pair % m.inner] : []);
    });
  }
  // TapPalette: a tap's colour is that of its spatial position in the kernel.
  function tapColor(m, t) { return '#' + palette[(t % m.kernelSpatial) % palette.length]; }
  function sizeText(sizes) { return sizes.join('×'); }
  // What a grid's cells and names depend on.
  function inKey(m) { return ['input', letters(m)[0], m.inChannels, m.inputSizes].join('/'); }
  function outKey(m) { return ['output', letters(m)[1], m.outChannels, m.outputSizes].join('/'); }

  // ---- Drawing ---------------------------------------------------------------------------------
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  let model = null;
  let lastSteps = {};
  let index = null;  // flat index → elements, for linking

  // A tensor (channels × spatial) drawn as one 2-D grid per channel and leading index. The cells
  // are kept when the next layer has the same shape and names (`key`): a control that leaves the
  // input alone redraws only what changed. Grids past 256 positions are dense (drawDenseTensor);
  // `dynamic` grids rewrite their text each time.
  function drawTensor(container, channels, sizes, kind, key, nameOf, options) {
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
  function blockCaption(channels, c, sizes, slices, s) {
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
        const canvas = el('canvas', 'underlay');
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

  // #3a7bd5 mixed with white, `w` of the way (the CSS shading's color-mix).
  function shadeColor(w) {
    return 'rgb(' + Math.round(255 - w * (255 - 58)) + ',' + Math.round(255 - w * (255 - 123)) + ',' + Math.round(255 - w * (255 - 213)) + ')';
  }

  // The accessible name of a focused cell, computed when it is needed.
  function labelCell(cell) {
    if (!cell) return;
    const container = cell.closest('.tensor');
    if (!container || !container.labelOf) return;
    for (const kind of ['input', 'output']) {
      if (cell.hasAttribute('data-' + kind)) {
        cell.setAttribute('aria-label', container.labelOf(Number(cell.getAttribute('data-' + kind))));
      }
    }
  }

  // The kernel's taps, one grid per channel pair (up to 64 pairs). The cells stay when the next
  // layer's kernel has the same shape, names and captions.
  function drawKernel(m) {
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

  function entryTaps(m, r, c) {
    const taps = [];
    for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) if (m.columns[e] === c) taps.push(m.taps[e]);
    return taps;
  }

  // The matrix as a grid of fixed-width cells (fast to lay out): a header row of column names,
  // then per shown row its name and its entries. Every entry — zeros included — carries its
  // output (data-row) and input (data-col) in the column convention, whatever the display.
  function drawMatrix(m) {
    const container = byId('matrix');
    const columnConvention = byId('v-column').checked;
    const limit = Number(byId('v-limit').value) || 28;
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
      const grid = container.firstChild;
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
  function refillMatrix(m, grid, displayRows, displayCols, columnConvention, rowsOf, heads, rowHeads) {
    const cells = { rows: [], cols: [], pair: new Map() };
    const children = grid.children;
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

  // C = O·T: each position of the forward input (a transposed layer's output) collects Σ O·k.
  // A sum of products, whole up to MAX_TERMS terms; longer ones show the first, ⋯ and the count
  // (the whole sum is the cell's tooltip).
  function sumText(m, terms, whole) {
    const parts = terms.map(([o, t]) => o + '·' + t);
    if (parts.length === 0) return '0';
    if (parts.length > MAX_TERMS && !whole) return parts[0] + ' + ⋯ (' + parts.length + ' terms)';
    if (parts.length > 60) return parts.slice(0, 30).join(' + ') + ' + ⋯ + ' + parts[parts.length - 1];
    return parts.join(' + ');
  }

  function drawSums(m) {
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
        const terms = [];
        for (let e = m.colStart[f]; e < m.colStart[f + 1]; e++) terms.push([outputName(m, m.colRows[e]), tapName(m, m.colTaps[e])]);
        return terms;
      }
      : (r) => {
        const terms = [];
        for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) terms.push([inputName(m, m.columns[e]), tapName(m, m.taps[e])]);
        return terms;
      };
    return drawTensor(container, channels, sizes, kind, 'sums/' + (forward ? inKey(m) : outKey(m)), (i) => sumText(m, termsOf(i)),
      { dynamic: true, extra: (cell, i) => {
        sumCell(cell, counts[i], most);
        cell.title = counts[i] > MAX_TERMS ? sumText(m, termsOf(i), true) : '';
      } });
  }

  // One canvas per channel and slice: a square per position, shaded by its count, with the count.
  const HEAT = 15;
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
        const canvas = el('canvas', 'heat');
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
  function heatTarget(event) {
    const canvas = event.target;
    if (!canvas || canvas.tagName !== 'CANVAS' || !canvas.hasAttribute('data-heat-kind')) return null;
    const box = canvas.getBoundingClientRect();
    const cols = Number(canvas.getAttribute('data-heat-cols'));
    const x = Math.floor((event.clientX - box.left) / box.width * canvas.width / HEAT);
    const y = Math.floor((event.clientY - box.top) / box.height * canvas.height / HEAT);
    if (x < 0 || y < 0 || x >= cols || y >= canvas.height / HEAT) return null;
    const flat = Number(canvas.getAttribute('data-heat-base')) + y * cols + x;
    const kind = canvas.getAttribute('data-heat-kind');
    const list = (kind === 'input' ? index.inputs : index.outputs)[flat];
    return list ? list[0] : null;
  }

  // A transposed layer's output shaded by its overlap count (null: no shading); DOM writes only
  // when the value changes.
  function setOverlap(cell, weight) {
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
  function sumCell(cell, count, most) {
    const weight = String(count / most);
    if (cell.terms === count && cell.weight === weight) return;  // unchanged: no style to recompute
    cell.terms = count;
    cell.weight = weight;
    cell.classList.add('sum-cell');
    cell.setAttribute('data-terms', String(count));
    cell.style.setProperty('--weight', weight);
  }

  function drawArithmetic(m) {
    const container = byId('arithmetic');
    container.replaceChildren();
    const axisNames = m.rank === 1 ? ['length'] : m.rank === 2 ? ['rows', 'columns'] : m.axes.map((_, t) => 'axis ' + t);
    const formula = m.transposed
      ? 'n = (m − 1)·s − p_before − p_after + d·(k − 1) + a + 1'
      : 'm = ⌊(n + p_before + p_after − d·(k − 1) − 1) / s⌋ + 1';
    container.appendChild(el('p', 'formula', formula));
    const list = el('ul', 'arith');
    m.axes.forEach((a, t) => {
      const text = m.transposed
        ? axisNames[t] + ': (' + a.input + ' − 1)·' + a.stride + ' − ' + a.before + ' − ' + a.after + ' + ' + a.dilation + '·(' + a.kernel + ' − 1) + ' + a.outputPadding + ' + 1 = ' + a.output
        : axisNames[t] + ': ⌊(' + a.input + ' + ' + a.before + ' + ' + a.after + ' − ' + a.dilation + '·(' + a.kernel + ' − 1) − 1) / ' + a.stride + '⌋ + 1 = ' + a.output;
      list.appendChild(el('li', null, text));
    });
    container.appendChild(list);
    container.appendChild(el('p', 'note', 'Input ' + m.inChannels + ' channel' + (m.inChannels > 1 ? 's' : '') + ' of ' + sizeText(m.inputSizes) +
      ' → output ' + m.outChannels + ' channel' + (m.outChannels > 1 ? 's' : '') + ' of ' + sizeText(m.outputSizes) +
      '; weight ' + [m.outer, m.inner].concat(m.kernelSizes).join('×') + (m.groups > 1 ? ', ' + m.groups + ' groups' : '') + '.'));
  }

  function drawSameSizes(m) {
    const panel = byId('same-sizes').parentElement;
    panel.hidden = !m.transposed;
    const container = byId('same-sizes');
    container.replaceChildren();
    if (!m.transposed) return;
    const axisNames = m.rank === 1 ? ['length'] : m.rank === 2 ? ['rows', 'columns'] : m.axes.map((_, t) => 'axis ' + t);
    container.appendChild(el('p', 'note', 'Every output size whose forward convolution gives back the input size m, and the output padding a that selects it:'));
    const table = el('table', 'same');
    const head = el('tr');
    for (const h of ['axis', 'm', 'output size n', 'output padding a']) head.appendChild(el('th', null, h));
    table.appendChild(head);
    m.axes.forEach((a, t) => {
      a.same.forEach(([n, pad]) => {
        const tr = el('tr', pad === a.outputPadding ? 'current' : null);
        for (const v of [axisNames[t], a.input, n, pad + (pad === a.outputPadding ? ' (this layer)' : '')]) tr.appendChild(el('td', null, String(v)));
        table.appendChild(tr);
      });
    });
    container.appendChild(table);
    const max = m.outputTerms.reduce((x, y) => Math.max(x, y), 0);
    const min = m.outputTerms.reduce((x, y) => Math.min(x, y), Infinity);
    byId('overlap-note').textContent = min === max
      ? 'Every output sums ' + max + ' products: no checkerboard.'
      : 'Outputs sum between ' + min + ' and ' + max + ' products (shading and the C = O·T panel show the overlap per output): the checkerboard.';
  }

  function describe(m) {
    const parts = [];
    parts.push((m.transposed ? 'Transposed convolution' : 'Convolution') + ': input ' + (m.inChannels > 1 ? m.inChannels + '×' : '') + sizeText(m.inputSizes));
    parts.push('kernel ' + sizeText(m.kernelSizes));
    const strides = m.axes.map((a) => a.stride), dilations = m.axes.map((a) => a.dilation);
    if (strides.some((s) => s !== 1)) parts.push('stride ' + sizeText(strides));
    const pads = m.axes.map((a) => a.before === a.after ? String(a.before) : a.before + ':' + a.after);
    if (pads.some((p) => p !== '0')) parts.push('padding ' + pads.join('×') + (m.mode !== 'zeros' ? ' (' + m.mode + ')' : ''));
    if (dilations.some((d) => d !== 1)) parts.push('dilation ' + sizeText(dilations));
    if (m.transposed && m.axes.some((a) => a.outputPadding)) parts.push('output padding ' + m.axes.map((a) => a.outputPadding).join('×'));
    if (m.groups > 1) parts.push(m.groups + ' groups');
    if (m.flip) parts.push('true convolution');
    return parts.join(', ') + ' → output ' + (m.outChannels > 1 ? m.outChannels + '×' : '') + sizeText(m.outputSizes);
  }

  function draw(m) {
    model = m;
    clearLinks();
    const [inLetter, outLetter] = letters(m);
    byId('h-input').textContent = 'Input ' + inLetter + ' (' + (m.inChannels > 1 ? m.inChannels + '×' : '') + sizeText(m.inputSizes) + ')';
    byId('h-output').textContent = 'Output ' + outLetter + ' (' + (m.outChannels > 1 ? m.outChannels + '×' : '') + sizeText(m.outputSizes) + ')';
    byId('h-kernel').textContent = 'Kernel k (' + (m.outer * m.inner > 1 ? [m.outer, m.inner].concat(m.kernelSizes).join('×') : sizeText(m.kernelSizes)) + ')';
    const steps = {};
    let mark = performance.now();
    const step = (name) => { const now = performance.now(); steps[name] = now - mark; mark = now; };
    const inputs = drawTensor(byId('input-grid'), m.inChannels, m.inputSizes, 'input', inKey(m), (f) => inputName(m, f));
    step('input');
    const mostOverlap = m.outputTerms.reduce((a, b) => Math.max(a, b), 1);
    const overlap = (r) => (m.transposed ? m.outputTerms[r] / mostOverlap : null);
    const outputs = drawTensor(byId('output-grid'), m.outChannels, m.outputSizes, 'output', outKey(m), (r) => outputName(m, r),
      { extra: (cell, r) => setOverlap(cell, overlap(r)), shade: overlap });
    if (!m.transposed) byId('overlap-note').textContent = '';
    step('output');
    const taps = drawKernel(m);
    step('kernel');
    const matrix = drawMatrix(m);
    step('matrix');
    const sums = drawSums(m);
    step('sums');
    drawArithmetic(m);
    drawSameSizes(m);
    step('arithmetic');
    lastSteps = steps;
    index = { inputs: inputs, outputs: outputs, taps: taps, matrix: matrix };
    if (m.transposed) sums.forEach((list, r) => { if (list) outputs[r] = (outputs[r] || []).concat(list); });
    else sums.forEach((list, f) => { if (list) inputs[f] = (inputs[f] || []).concat(list); });
    document.body.classList.toggle('is-transposed', m.transposed);
    document.body.classList.add('has-layer');
    byId('summary').textContent = describe(m);
  }

  // ---- Linking -----------------------------------------------------------------------------
  let lit = [];
  let current = '';
  function clearLinks() {
    for (const e of lit) { e.classList.remove('linked', 'linked-main'); e.removeAttribute('data-via'); }
    lit = [];
    current = '';
  }
  function light(list, via) {
    if (!list) return;
    for (const e of list) {
      e.classList.add('linked');
      if (via !== undefined) e.setAttribute('data-via', via);
      lit.push(e);
    }
  }
  function lightTap(m, t) {
    const list = index.taps[t];
    if (list) light(list);
  }
  function linkOutput(r) {
    const m = model;
    light(index.outputs[r]);
    light(index.matrix.rows[r]);
    for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) {
      const c = m.columns[e], t = m.taps[e];
      light(index.inputs[c], tapName(m, t));
      for (const cell of index.inputs[c] || []) cell.style.setProperty('--via', tapColor(m, t));
      lightTap(m, t);
    }
  }
  function linkInput(c) {
    const m = model;
    light(index.inputs[c]);
    light(index.matrix.cols[c]);
    for (let e = m.colStart[c]; e < m.colStart[c + 1]; e++) {
      const r = m.colRows[e], t = m.colTaps[e];
      light(index.outputs[r], tapName(m, t));
      for (const cell of index.outputs[r] || []) cell.style.setProperty('--via', tapColor(m, t));
      lightTap(m, t);
    }
  }
  function linkEntry(r, c) {
    const m = model;
    const cell = index.matrix.pair.get(r * m.cols + c);
    if (cell) light([cell]);
    const taps = entryTaps(m, r, c);
    const via = taps.map((t) => tapName(m, t)).join('+');
    light(index.outputs[r], via || undefined);
    light(index.inputs[c], via || undefined);
    for (const t of taps) lightTap(m, t);
  }
  function linkTap(t) {
    const m = model;
    lightTap(m, t);
    for (let r = 0; r < m.rows; r++) {
      for (let e = m.rowStart[r]; e < m.rowStart[r + 1]; e++) {
        if (m.taps[e] !== t) continue;
        light(index.outputs[r]);
        light(index.inputs[m.columns[e]]);
        const cell = index.matrix.pair.get(r * m.cols + m.columns[e]);
        if (cell) light([cell]);
      }
    }
  }
  function linkFrom(target) {
    if (!model || !index) return;
    const cell = target && target.closest ? target.closest('[data-output],[data-input],[data-row],[data-tap]') : null;
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
  function moveFocus(event) {
    const cell = event.target;
    if (!cell.matches || !cell.matches(FOCUSABLE)) return;
    const grid = cell.parentElement;
    const cols = Number(grid.style.getPropertyValue('--cols')) || 1;
    const cells = grid.children;
    const position = Array.prototype.indexOf.call(cells, cell);
    const delta = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -cols, ArrowDown: cols }[event.key];
    let next = null;
    if (event.key === 'Home' || event.key === 'End') {
      const all = grid.querySelectorAll(FOCUSABLE);
      next = event.key === 'Home' ? all[0] : all[all.length - 1];
    } else if (delta !== undefined) {
      const row = Math.floor(position / cols);
      for (let i = position + delta; i >= 0 && i < cells.length; i += delta) {
        if ((delta === 1 || delta === -1) && Math.floor(i / cols) !== row) break;
        if (cells[i].matches(FOCUSABLE)) { next = cells[i]; break; }
      }
    }
    if (!next) return;
    event.preventDefault();
    cell.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  }

  // ---- Controls and the fragment ---------------------------------------------------------------
  const controls = {};
  for (const name of FLAGS.concat(SWITCHES)) controls[name] = document.querySelector('[data-flag="' + name + '"]');

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
  function decodeText(text) {
    try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (e) { return text; }
  }
  // The layer of the link's fragment when it has one — read like a command line, every flag not
  // given taking its default — or else the layer `convmatrix explore` embedded.
  function mergedPairs() {
    const fromLink = fragmentPairs();
    return fromLink.length ? fromLink : initialPairs;
  }
  function setControls(pairs) {
    for (const name of FLAGS) {
      const control = controls[name];
      if (control.tagName === 'SELECT') control.value = control.options[0].value;
      else control.value = '';
    }
    for (const name of SWITCHES) controls[name].checked = false;
    for (const [name, value] of pairs) {
      const key = name === 'transposed-layer' ? 'transposed' : name;
      const control = controls[key];
      if (!control) continue;
      if (control.type === 'checkbox') control.checked = value === '1' || value === 'true' || value === '';
      else if (control.tagName === 'SELECT') {
        if (!Array.prototype.some.call(control.options, (o) => o.value === value)) {
          const option = el('option', 'unknown', value);
          option.value = value;
          control.appendChild(option);
        }
        control.value = value;
      } else control.value = value;
    }
    // Empty fields show the command line's defaults, so every value is visible and editable.
    for (const [name, value] of Object.entries(DEFAULTS)) {
      if (controls[name].value === '') controls[name].value = value;
    }
    syncKind();
  }
  function controlPairs() {
    const transposed = controls.transposed.checked;
    const pooling = !transposed && controls['average-pool'].checked;
    const pairs = [];
    for (const name of FLAGS) {
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
  function syncKind() {
    const transposed = controls.transposed.checked;
    const pooling = !transposed && controls['average-pool'].checked;
    document.body.classList.toggle('controls-transposed', transposed);
    for (const name of ['padding-mode', 'same-rule', 'average-pool']) controls[name].disabled = transposed;
    controls['output-padding'].disabled = !transposed;
    for (const name of ['out-channels', 'groups']) controls[name].disabled = pooling;
  }
  function fragmentOf(pairs) {
    return '#' + pairs.map(([n, v]) => encodeURIComponent(n) + '=' + encodeURIComponent(v)).join('&');
  }

  let lastTimes = [];
  function compute(pairs, writeFragment) {
    const start = performance.now();
    const result = explore(pairs);
    const computed = performance.now();
    if (!result.ok) {
      byId('message').textContent = result.line;
      root.dataset.state = 'error';
      return result;
    }
    draw(result);
    byId('message').textContent = '';
    root.dataset.state = 'ready';
    const drawn = performance.now();
    lastTimes.push({ compute: computed - start, draw: drawn - computed, total: drawn - start, steps: lastSteps });
    if (lastTimes.length > 200) lastTimes.shift();
    if (writeFragment) writeFragmentSoon(fragmentOf(pairs));
    return result;
  }

  // The link follows the layer a moment after it is drawn: the history entry is written off the
  // redraw's path, and a burst of changes (typing, a held arrow key) writes it once — browsers
  // also ignore history writes that come too fast. Leaving the page writes what is pending.
  let pendingFragment = null;
  let fragmentTimer = 0;
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

  // ↑/↓ in a size field steps every axis by one when the field holds plain numbers.
  function stepField(event) {
    const field = event.target;
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
      if (event.target.name === 'convention') return;
      if (event.target.id === 'v-limit') return;
      if (event.target === controls['average-pool'] && event.target.checked) {
        controls.stride.value = controls.kernel.value;  // pooling windows side by side
      }
      fromControls();
    });
    form.addEventListener('change', (event) => {
      if (event.target.name === 'convention' || event.target.id === 'v-limit') {
        if (model) { const cells = drawMatrix(model); index.matrix = cells; clearLinks(); }
      }
    });
    form.addEventListener('submit', (event) => event.preventDefault());
    for (const name of FLAGS) {
      if (controls[name].tagName === 'INPUT') controls[name].addEventListener('keydown', stepField);
    }
    const panels = document.querySelector('.panels');
    panels.addEventListener('mouseover', (event) => { if (event.target.tagName !== 'CANVAS') linkFrom(event.target); });
    panels.addEventListener('mousemove', (event) => { if (event.target.tagName === 'CANVAS') linkFrom(heatTarget(event)); });
    panels.addEventListener('mouseleave', () => linkFrom(null));
    panels.addEventListener('focusin', (event) => { labelCell(event.target); linkFrom(event.target); });
    panels.addEventListener('keydown', moveFocus);
    window.addEventListener('hashchange', fromFragment);
    window.addEventListener('pagehide', flushFragment);
    window.convmatrixExplorer = {
      times: () => lastTimes.slice(),
      // Whether the link is yet to follow the drawn layer (it does within 100 ms).
      fragmentPending: () => pendingFragment !== null,
      // Sets the controls to `pairs` and recomputes and redraws at once, as a control change does.
      apply: (pairs) => { setControls(pairs); compute(controlPairs(), true); return root.dataset.state; },
    };
    fromFragment();
  }

  WebAssembly.instantiate(base64Bytes(byId('explorer-wasm').textContent), {}).then((result) => {
    compiled = result.module;
    core = result.instance.exports;
    start();
  }).catch((error) => {
    byId('message').textContent = 'error: the page could not start its WebAssembly core (' + String(error && error.message) + ')';
    root.dataset.state = 'error';
  });
})();
