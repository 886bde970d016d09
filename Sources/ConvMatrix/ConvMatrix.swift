// The umbrella module: `import ConvMatrix` brings every library layer of the package.
//
// The layers, bottom to top (each knows only those below it):
// - ConvMatrixCore: geometry, the unrolled matrix U, transposed convolutions, verification.
// - ConvMatrixSymbols: the names of a layer's inputs, taps and outputs; symbolic products.
// - ConvMatrixNumeric: tensors, direct and scatter convolution, the backward pass, checks.
// - ConvMatrixRendering: a layer's symbols, text and LaTeX writers, reports, exports.
// - ConvMatrixNotes: derivation documents. ConvMatrixPictures: SVG and TikZ pictures.
// - ConvMatrixAnalysis: what the matrix says (fans, overlap, rank, structure, spectrum, stacks).
// - ConvMatrixFrameworks: one layer in PyTorch, TensorFlow, Keras, JAX and ONNX (on Core only).
// - ConvMatrixNotes writes a stack's derivation from ConvMatrixAnalysis's facts about it.
// ConvMatrixLayerFlags (the layer flags' names and syntax) and ConvMatrixExplorerCore (the
// explorer page's C ABI for WebAssembly) are edges, not library API: the command line imports
// them.
@_exported import ConvMatrixAnalysis
@_exported import ConvMatrixCore
@_exported import ConvMatrixFrameworks
@_exported import ConvMatrixNotes
@_exported import ConvMatrixNumeric
@_exported import ConvMatrixPictures
@_exported import ConvMatrixRendering
@_exported import ConvMatrixSymbols
@_exported import Symbolic
