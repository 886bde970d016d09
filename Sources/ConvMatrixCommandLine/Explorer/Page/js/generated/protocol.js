// @ts-check
// Generated from the Swift declarations by ExplorerScriptProtocol.swift
// (Sources/ConvMatrixCommandLine/Explorer). Do not edit: tools/build-explorer.sh
// rewrites it, and ExplorerScriptProtocolTests fails when it is stale.

/** The layer flags that take a value, by the command line's names (LayerFlag). */
export const FLAGS = Object.freeze(["input", "kernel", "stride", "padding", "dilation", "in-channels", "out-channels", "groups", "padding-mode", "same-rule", "output-padding"]);

/** The layer flags that are switches (on: `1`). */
export const SWITCHES = Object.freeze(["flip", "average-pool", "transposed"]);

/**
 * What the command line assumes for a flag not given (LayerFlag.defaultValue).
 * @type {Readonly<Record<string, string>>}
 */
export const DEFAULTS = Object.freeze({
  stride: "1",
  padding: "0",
  dilation: "1",
  "in-channels": "1",
  "out-channels": "1",
  groups: "1",
  "padding-mode": "zeros",
  "same-rule": "pytorch",
  "output-padding": "0",
});

/** The padding modes, numbered as the answer's `paddingMode` word numbers them. */
export const PADDING_MODES = Object.freeze(["zeros", "reflect", "replicate", "circular"]);

/** The first word of an answer (ExplorerStatus). */
export const STATUS = Object.freeze({
  error: 0,
  layer: 1,
});

/** The words that open an error answer; the UTF-8 line follows (ExplorerErrorWord). */
export const ERROR_WORDS = Object.freeze({
  status: 0,
  byteCount: 1,
  bytes: 2,
});

/** The words that open a layer's answer (ExplorerLayerWord); the axes follow. */
export const LAYER_WORDS = Object.freeze({
  status: 0,
  total: 1,
  kind: 2,
  rank: 3,
  inChannels: 4,
  outChannels: 5,
  groups: 6,
  paddingMode: 7,
  orientation: 8,
  outerChannels: 9,
  innerChannels: 10,
  rows: 11,
  columns: 12,
  taps: 13,
  stored: 14,
  count: 15,
});

/** The words of one axis (ExplorerAxisWord); `sameInputSizeCount` pairs follow. */
export const AXIS_WORDS = Object.freeze({
  inputSize: 0,
  kernelSize: 1,
  stride: 2,
  dilation: 3,
  paddingBefore: 4,
  paddingAfter: 5,
  outputPadding: 6,
  outputSize: 7,
  sameInputSizeCount: 8,
  count: 9,
});

/** The letters, digits and brackets of names (LayerSymbols, PlainTextPrinter). */
export const NAMES = Object.freeze({
  input: "I",
  output: "O",
  kernel: "k",
  transposedInput: "O",
  transposedOutput: "C",
  subscriptDigits: "₀₁₂₃₄₅₆₇₈₉",
  superscriptDigits: "⁰¹²³⁴⁵⁶⁷⁸⁹",
  superscriptOpen: "⁽",
  superscriptClose: "⁾",
  separator: ",",
});
