// @ts-check
// Small helpers over the document. Every text that reaches the page goes through textContent or
// a data attribute set by setAttribute with our own numbers.

/**
 * The element with `id`.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  return document.getElementById(id);
}

/**
 * The form control with `id`.
 * @param {string} id
 * @returns {HTMLInputElement}
 */
export function inputById(id) {
  return /** @type {HTMLInputElement} */ (document.getElementById(id));
}

/**
 * A new element with a class and a text.
 * @param {string} tag
 * @param {string | null} [className]
 * @param {string} [text]
 * @returns {HTMLElement}
 */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The JSON of the data block `id`, or `fallback`.
 * @template T
 * @param {string} id
 * @param {T} fallback
 * @returns {T}
 */
export function readJSON(id, fallback) {
  try { return JSON.parse(byId(id).textContent); } catch (e) { return fallback; }
}

/**
 * The product of `values` (1 for none).
 * @param {ArrayLike<number>} values
 * @returns {number}
 */
export function product(values) {
  let result = 1;
  for (let i = 0; i < values.length; i++) result *= values[i];
  return result;
}
