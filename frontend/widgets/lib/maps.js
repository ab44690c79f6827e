// Drawing images and feature maps on canvas, with a diverging scale for signed values.

/** Draws an image (rows of 0–1 values, or rows of [r, g, b]) at its natural size; CSS scales the canvas. */
export function drawImage(canvas, pixels) {
  const height = pixels.length;
  const width = pixels[0].length;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  const bitmap = context.createImageData(width, height);
  let i = 0;
  for (const row of pixels) {
    for (const value of row) {
      const [r, g, b] = Array.isArray(value) ? value : [value, value, value];
      bitmap.data.set([r * 255, g * 255, b * 255, 255], i);
      i += 4;
    }
  }
  context.putImageData(bitmap, 0, 0);
}

/** The largest magnitude in one or more maps: the value drawn at full colour. */
export function mapScale(maps) {
  let largest = 1e-9;
  for (const map of maps) {
    for (const row of map) {
      for (const value of row) {
        largest = Math.max(largest, Math.abs(value));
      }
    }
  }
  return largest;
}

/** The whole number of screen pixels per value that fits a side of {@code values} into {@code target} pixels, at least 1. */
export function displayScale(values, target) {
  return Math.max(1, Math.floor(target / values));
}

/** Blue for negative, white for zero, red for positive, scaled to {@code scale} (by default the map's largest magnitude). */
export function drawMap(canvas, map, scale = mapScale([map])) {
  const height = map.length;
  const width = map[0].length;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  const bitmap = context.createImageData(width, height);
  let i = 0;
  for (const row of map) {
    for (const value of row) {
      const t = Math.min(1, Math.abs(value) / scale);
      const fade = Math.round(255 * (1 - t));
      bitmap.data.set(value >= 0 ? [255, fade, fade, 255] : [fade, fade, 255, 255], i);
      i += 4;
    }
  }
  context.putImageData(bitmap, 0, 0);
  return scale;
}

/** The map cell under a pointer event on a canvas drawn by drawMap. */
export function cellAt(event, canvas, map) {
  const box = canvas.getBoundingClientRect();
  const column = Math.floor(((event.clientX - box.left) / box.width) * map[0].length);
  const row = Math.floor(((event.clientY - box.top) / box.height) * map.length);
  return row >= 0 && row < map.length && column >= 0 && column < map[0].length ? { row, column, value: map[row][column] } : null;
}

/** The grey of a 0–1 value as stored: 0 (background) black, 1 (ink) white, bright ink on a dark background. */
export const grey = (value) => Math.round(255 * Math.max(0, Math.min(1, value)));

/** Draws a grey digit as stored, bright ink on a dark background, each pixel as a {@code scale}×{@code scale} square. */
export function drawDigit(context, pixels, scale = 1) {
  pixels.forEach((row, y) => row.forEach((value, x) => {
    const level = grey(value);
    context.fillStyle = `rgb(${level},${level},${level})`;
    context.fillRect(x * scale, y * scale, scale, scale);
  }));
}
