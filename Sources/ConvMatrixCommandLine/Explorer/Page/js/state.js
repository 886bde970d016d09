// @ts-check
// What the modules share: the layer drawn, the elements to link, the tap colours.
import { readJSON } from './dom.js';

/**
 * @typedef {import('./core.js').Model} Model
 * @typedef {{ rows: HTMLElement[][], cols: HTMLElement[][], pair: Map<number, HTMLElement> }} MatrixCells
 * @typedef {{ inputs: HTMLElement[][], outputs: HTMLElement[][], taps: HTMLElement[][], matrix: MatrixCells }} LinkIndex
 */

export const state = {
  /** The layer drawn. @type {Model | null} */
  model: null,
  /** Flat index → elements, for linking. @type {LinkIndex | null} */
  index: null,
  /** The time of each drawing step of the last redraw, in ms. @type {Record<string, number>} */
  lastSteps: {},
  /** The tap colours (`convmatrix draw`'s palette), filled in by `convmatrix explore`. @type {string[]} */
  palette: readJSON('explorer-palette', ['1F77B4']),
  /** The layer `convmatrix explore` was given, as name–value pairs. @type {[string, string][]} */
  initialPairs: readJSON('explorer-layer', []),
};
