// Kernel presets and helpers shared by the kernel widgets.

/** The lesson's kernels and the classics, rows top to bottom. */
export const PRESETS = {
  'Top edge': [[-1, -1, -1], [0, 0, 0], [1, 1, 1]],
  'Left edge': [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
  'Diagonal 1': [[0, -1, 1], [-1, 1, 0], [1, 0, 0]],
  'Diagonal 2': [[1, -1, 0], [0, 1, -1], [0, 0, 1]],
  Identity: [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
  'Box blur': [[1 / 9, 1 / 9, 1 / 9], [1 / 9, 1 / 9, 1 / 9], [1 / 9, 1 / 9, 1 / 9]],
  Gaussian: [[1 / 16, 2 / 16, 1 / 16], [2 / 16, 4 / 16, 2 / 16], [1 / 16, 2 / 16, 1 / 16]],
  Sharpen: [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
  'Sobel x': [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
  'Sobel y': [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
  Emboss: [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
};

export const LESSON_KERNELS = ['Top edge', 'Left edge', 'Diagonal 1', 'Diagonal 2'];

/** Reads a pasted matrix: JSON ([[1,2],[3,4]]) or rows on lines / separated by ';' with numbers split by spaces or commas. */
export function parseMatrix(text) {
  const trimmed = text.trim();
  let rows;
  if (trimmed.startsWith('[')) {
    rows = JSON.parse(trimmed);
  } else {
    rows = trimmed.split(/[\n;]+/).map((line) => line.trim()).filter(Boolean)
      .map((line) => line.split(/[\s,]+/).filter(Boolean).map(Number));
  }
  const width = rows[0]?.length;
  const valid = Array.isArray(rows) && rows.length >= 1 && rows.length <= 15 && width >= 1 && width <= 15
    && rows.every((row) => Array.isArray(row) && row.length === width && row.every((v) => Number.isFinite(v)));
  if (!valid) {
    throw new Error('Paste a rectangular matrix of at most 15×15 numbers.');
  }
  return rows;
}

/** A kernel of the given size: the old weights where they fit, zeros elsewhere. */
export function resize(matrix, rows, columns) {
  return Array.from({ length: rows }, (_, y) => Array.from({ length: columns }, (_, x) => matrix[y]?.[x] ?? 0));
}

/** Output size per dimension: floor((n + padding − d·(k−1) − 1) / s) + 1. */
export function outputSize(n, k, stride, padBefore, padAfter, dilation) {
  return Math.floor((n + padBefore + padAfter - dilation * (k - 1) - 1) / stride) + 1;
}

/** TensorFlow's SAME padding along one axis: [before, after]; odd totals put the extra one after. */
export function samePadding(n, k, stride, dilation) {
  const out = Math.ceil(n / stride);
  const total = Math.max((out - 1) * stride + dilation * (k - 1) + 1 - n, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

export const formatWeight = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, ''));
