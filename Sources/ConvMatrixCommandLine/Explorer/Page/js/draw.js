// @ts-check
// The whole layer drawn: grids, kernel, matrix, C = O·T, the output-size arithmetic and, for a
// transposed layer, the output sizes with the same input.
import { byId, el } from './dom.js';
import { clearLinks } from './linking.js';
import { drawKernel, drawMatrix } from './matrix.js';
import { inKey, inputName, letters, outKey, outputName, sizeText } from './names.js';
import { state } from './state.js';
import { drawSums } from './sums.js';
import { drawTensor, setOverlap } from './tensors.js';

/** @typedef {import('./core.js').Model} Model */

/**
 * @param {Model} m
 */
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

/**
 * @param {Model} m
 */
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

/**
 * The layer in one line, under the title.
 * @param {Model} m
 * @returns {string}
 */
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

/**
 * Draws `m` and makes it the layer that hovering and focus link.
 * @param {Model} m
 */
export function draw(m) {
  state.model = m;
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
  state.lastSteps = steps;
  state.index = { inputs: inputs, outputs: outputs, taps: taps, matrix: matrix };
  if (m.transposed) sums.forEach((list, r) => { if (list) outputs[r] = (outputs[r] || []).concat(list); });
  else sums.forEach((list, f) => { if (list) inputs[f] = (inputs[f] || []).concat(list); });
  document.body.classList.toggle('is-transposed', m.transposed);
  document.body.classList.add('has-layer');
  byId('summary').textContent = describe(m);
}
