// The page keeps a little state on its own elements (what a grid was drawn for, its cells), so
// that a redraw reuses them. Declared here so that `tsc --checkJs` knows these properties.
interface ExplorerDenseBlock {
  caption: HTMLElement;
  canvas: HTMLCanvasElement;
  grid: HTMLElement;
  cells: HTMLElement[];
  cols: number;
  rows: number;
  painted: string | null;
}

interface HTMLElement {
  /** What a grid's cells and names were drawn for. */
  shapeKey?: string | null;
  /** A grid's cells by flat index. */
  cells?: HTMLElement[][] | null;
  /** The kernel's cells by tap. */
  taps?: HTMLElement[][];
  /** A dense grid's blocks. */
  dense?: ExplorerDenseBlock[] | null;
  /** A grid's cell names, by flat index. */
  labelOf?: (flat: number) => string;
  /** The shown shape of the matrix. */
  shape?: string;
  /** A heat map's term counts. */
  counts?: Int32Array;
  /** A dense cell's flat index. */
  flat?: number;
  /** A transposed layer's output shading. */
  overlapWeight?: number | null;
  /** A C = O·T cell's term count and shading. */
  terms?: number;
  weight?: string;
}

interface Window {
  /** What the browser test reads and drives. */
  convmatrixExplorer?: {
    times: () => object[];
    fragmentPending: () => boolean;
    apply: (pairs: [string, string][]) => string;
  };
}
