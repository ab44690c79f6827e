// Kernel presets and helpers shared by the kernel widgets.
import { t } from 'app/i18n/messages.js';

/** The lesson's kernels and the classics by id, rows top to bottom; {@link presetName} says each one's name. */
export const PRESETS = {
  topEdge: [[-1, -1, -1], [0, 0, 0], [1, 1, 1]],
  leftEdge: [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
  diagonal1: [[0, -1, 1], [-1, 1, 0], [1, 0, 0]],
  diagonal2: [[1, -1, 0], [0, 1, -1], [0, 0, 1]],
  identity: [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
  boxBlur: [[1 / 9, 1 / 9, 1 / 9], [1 / 9, 1 / 9, 1 / 9], [1 / 9, 1 / 9, 1 / 9]],
  gaussian: [[1 / 16, 2 / 16, 1 / 16], [2 / 16, 4 / 16, 2 / 16], [1 / 16, 2 / 16, 1 / 16]],
  sharpen: [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
  sobelX: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
  sobelY: [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
  emboss: [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]],
};

export const LESSON_KERNELS = ['topEdge', 'leftEdge', 'diagonal1', 'diagonal2'];

const PRESET_NAMES = {
  topEdge: 'kernels.topEdge', leftEdge: 'kernels.leftEdge', diagonal1: 'kernels.diagonal1', diagonal2: 'kernels.diagonal2',
  identity: 'kernels.identity', boxBlur: 'kernels.boxBlur', gaussian: 'kernels.gaussian', sharpen: 'kernels.sharpen',
  sobelX: 'kernels.sobelX', sobelY: 'kernels.sobelY', emboss: 'kernels.emboss',
};

/** A preset's name in the page's language; {@code preset} is its key in {@link PRESETS}. */
export const presetName = (preset) => t(PRESET_NAMES[preset]);

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
    throw new Error(t('kernels.pasteMatrix'));
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
