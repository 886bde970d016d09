// @ts-check
// The ConvMatrix core, compiled to WebAssembly: the layer's flags go in as name–value pairs, the
// layer's matrix, sizes and arithmetic (or the command line's error line) come out. The page
// parses no flag value and applies no convolution rule. The answer's word layout is generated
// from ExplorerEncoding.swift (generated/protocol.js).
import { product } from './dom.js';
import { AXIS_WORDS, ERROR_WORDS, LAYER_WORDS, PADDING_MODES, STATUS } from './generated/protocol.js';

/**
 * @typedef {object} Axis The output-size arithmetic of one spatial axis.
 * @property {number} input
 * @property {number} kernel
 * @property {number} stride
 * @property {number} dilation
 * @property {number} before
 * @property {number} after
 * @property {number} outputPadding
 * @property {number} output
 * @property {[number, number][]} same For a transposed layer: (output size, output padding) pairs that give back its input size.
 */

/**
 * @typedef {object} Model What the core computed for one layer.
 * @property {true} ok
 * @property {boolean} transposed
 * @property {number} rank
 * @property {number} inChannels
 * @property {number} outChannels
 * @property {number} groups
 * @property {string} mode
 * @property {boolean} flip
 * @property {number} outer
 * @property {number} inner
 * @property {number} rows
 * @property {number} cols
 * @property {number} tapCount
 * @property {number} stored
 * @property {Axis[]} axes
 * @property {Int32Array} rowStart
 * @property {Int32Array} columns
 * @property {Int32Array} taps
 * @property {Int32Array} outputTerms
 * @property {Int32Array} inputTerms
 * @property {number[]} inputSizes
 * @property {number[]} outputSizes
 * @property {number[]} kernelSizes
 * @property {number} inputSpatial
 * @property {number} outputSpatial
 * @property {number} kernelSpatial
 * @property {Int32Array} colStart
 * @property {Int32Array} colRows
 * @property {Int32Array} colTaps
 * @property {{ input: string[], output: string[], tap: string[] }} [names]
 */

/** @typedef {{ ok: false, line: string }} Refusal */

/**
 * @typedef {object} CoreExports
 * @property {WebAssembly.Memory} memory
 * @property {(size: number) => number} convmatrix_alloc
 * @property {(pointer: number) => void} convmatrix_free
 * @property {(request: number, length: number) => number} convmatrix_explore
 */

/** @type {CoreExports | null} */
let core = null;
/** @type {WebAssembly.Module | null} */
let compiled = null;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The bytes of a base64 text.
 * @param {string} text
 * @returns {Uint8Array}
 */
function base64Bytes(text) {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Compiles and starts the core embedded in the page as base64.
 * @param {string} base64
 * @returns {Promise<void>}
 */
export function startCore(base64) {
  return WebAssembly.instantiate(base64Bytes(base64), {}).then((result) => {
    compiled = result.module;
    core = /** @type {CoreExports} */ (/** @type {unknown} */ (result.instance.exports));
  });
}

/**
 * Sends the pairs to the core; a trap (which validation should make impossible) gets a fresh
 * instance, so one bad layer never breaks the next.
 * @param {[string, string][]} pairs
 * @returns {Model | Refusal}
 */
export function explore(pairs) {
  try {
    return exploreOnce(pairs);
  } catch (error) {
    core = /** @type {CoreExports} */ (/** @type {unknown} */ (new WebAssembly.Instance(compiled, {}).exports));
    return { ok: false, line: 'error: the core stopped on this layer (' + String(error && error.message) + ')' };
  }
}

/**
 * Sends the pairs to the core and copies its answer out of the wasm memory.
 * @param {[string, string][]} pairs
 * @returns {Model | Refusal}
 */
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
  const view = new DataView(core.memory.buffer);
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
  /** @type {Model | Refusal} */
  let result;
  if (head[LAYER_WORDS.status] !== STATUS.layer) {
    const length = head[ERROR_WORDS.byteCount];
    const line = decoder.decode(new Uint8Array(core.memory.buffer, answer + 4 * ERROR_WORDS.bytes, length));
    result = { ok: false, line: line };
  } else {
    result = decodeModel(new Int32Array(core.memory.buffer, answer, head[LAYER_WORDS.total]).slice());
  }
  core.convmatrix_free(answer);
  return result;
}

/**
 * The model in a layer's answer `w` (the layout of ExplorerEncoding.swift, generated/protocol.js).
 * @param {Int32Array} w
 * @returns {Model}
 */
function decodeModel(w) {
  const L = LAYER_WORDS;
  /** @type {Model} */
  const m = /** @type {Model} */ ({
    ok: true, transposed: w[L.kind] === 1, rank: w[L.rank], inChannels: w[L.inChannels],
    outChannels: w[L.outChannels], groups: w[L.groups], mode: PADDING_MODES[w[L.paddingMode]],
    flip: w[L.orientation] === 1, outer: w[L.outerChannels], inner: w[L.innerChannels],
    rows: w[L.rows], cols: w[L.columns], tapCount: w[L.taps], stored: w[L.stored], axes: [],
  });
  let i = L.count;
  const A = AXIS_WORDS;
  for (let t = 0; t < m.rank; t++) {
    /** @type {Axis} */
    const axis = {
      input: w[i + A.inputSize], kernel: w[i + A.kernelSize], stride: w[i + A.stride],
      dilation: w[i + A.dilation], before: w[i + A.paddingBefore], after: w[i + A.paddingAfter],
      outputPadding: w[i + A.outputPadding], output: w[i + A.outputSize], same: [],
    };
    const count = w[i + A.sameInputSizeCount];
    i += A.count;
    for (let s = 0; s < count; s++) { axis.same.push([w[i], w[i + 1]]); i += 2; }
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
