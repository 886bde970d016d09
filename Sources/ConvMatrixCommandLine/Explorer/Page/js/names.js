// @ts-check
// Names of inputs, outputs and taps, as the command line prints them (`I₀₁`, `O⁽¹⁾₀₀`,
// `k⁽⁰,¹⁾₂₂`). The letters, digits and brackets are generated from the Swift printer and layer
// symbols (generated/protocol.js: NAMES); what is left here is putting them in order, the rule
// of Symbolic's PlainTextPrinter: indices run together unless one has two digits or more (then
// commas separate them), channels are a bracketed superscript, present only when there are
// several.
import { NAMES } from './generated/protocol.js';
import { state } from './state.js';

/** @typedef {import('./core.js').Model} Model */

/**
 * `n` written with `digits` (ten characters, 0 to 9).
 * @param {number} n
 * @param {string} digits
 * @returns {string}
 */
function written(n, digits) {
  return String(n).replace(/[0-9]/g, (d) => digits[Number(d)]);
}

/**
 * A symbol: its letter, channel superscript and subscript indices.
 * @param {string} letter
 * @param {number[]} indices
 * @param {number[]} superscript
 * @returns {string}
 */
function symbol(letter, indices, superscript) {
  let text = letter;
  if (superscript.length) {
    text += NAMES.superscriptOpen + superscript.map((v) => written(v, NAMES.superscriptDigits)).join(NAMES.separator) + NAMES.superscriptClose;
  }
  const separate = indices.some((v) => v < 0 || v > 9);
  return text + indices.map((v) => written(v, NAMES.subscriptDigits)).join(separate ? NAMES.separator : '');
}

/**
 * The row-major multi-index of `flat` in a grid of `sizes`.
 * @param {number} flat
 * @param {number[]} sizes
 * @returns {number[]}
 */
export function multiIndex(flat, sizes) {
  const index = new Array(sizes.length);
  for (let t = sizes.length - 1; t >= 0; t--) {
    index[t] = flat % sizes[t];
    flat = Math.floor(flat / sizes[t]);
  }
  return index;
}

/**
 * The letters of the layer's own input and output (a transposed layer reads O and writes C).
 * @param {Model} m
 * @returns {[string, string]}
 */
export function letters(m) {
  return m.transposed ? [NAMES.transposedInput, NAMES.transposedOutput] : [NAMES.input, NAMES.output];
}

/**
 * Names are built once per layer and kept (a redraw names thousands of cells).
 * @param {Model} m
 * @param {'input' | 'output' | 'tap'} kind
 * @param {number} i
 * @param {() => string} make
 * @returns {string}
 */
function cached(m, kind, i, make) {
  const names = m.names || (m.names = { input: [], output: [], tap: [] });
  const known = names[kind][i];
  if (known !== undefined) return known;
  return (names[kind][i] = make());
}

/**
 * The name of input `f` (flat, channel first).
 * @param {Model} m
 * @param {number} f
 * @returns {string}
 */
export function inputName(m, f) {
  return cached(m, 'input', f, () => symbol(letters(m)[0], multiIndex(f % m.inputSpatial, m.inputSizes),
    m.inChannels > 1 ? [Math.floor(f / m.inputSpatial)] : []));
}

/**
 * The name of output `r` (flat, channel first).
 * @param {Model} m
 * @param {number} r
 * @returns {string}
 */
export function outputName(m, r) {
  return cached(m, 'output', r, () => symbol(letters(m)[1], multiIndex(r % m.outputSpatial, m.outputSizes),
    m.outChannels > 1 ? [Math.floor(r / m.outputSpatial)] : []));
}

/**
 * The name of tap `t` (PyTorch's weight order).
 * @param {Model} m
 * @param {number} t
 * @returns {string}
 */
export function tapName(m, t) {
  return cached(m, 'tap', t, () => {
    const pair = Math.floor(t / m.kernelSpatial);
    const channelled = m.inChannels > 1 || m.outChannels > 1;
    return symbol(NAMES.kernel, multiIndex(t % m.kernelSpatial, m.kernelSizes),
      channelled ? [Math.floor(pair / m.inner), pair % m.inner] : []);
  });
}

/**
 * TapPalette: a tap's colour is that of its spatial position in the kernel.
 * @param {Model} m
 * @param {number} t
 * @returns {string}
 */
export function tapColor(m, t) {
  return '#' + state.palette[(t % m.kernelSpatial) % state.palette.length];
}

/**
 * `5×5`.
 * @param {number[]} sizes
 * @returns {string}
 */
export function sizeText(sizes) {
  return sizes.join('×');
}

/**
 * What the input grid's cells and names depend on.
 * @param {Model} m
 * @returns {string}
 */
export function inKey(m) {
  return ['input', letters(m)[0], m.inChannels, m.inputSizes].join('/');
}

/**
 * What the output grid's cells and names depend on.
 * @param {Model} m
 * @returns {string}
 */
export function outKey(m) {
  return ['output', letters(m)[1], m.outChannels, m.outputSizes].join('/');
}
