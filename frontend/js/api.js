// Calls to ConvLab's JSON API: same-origin, with the CSRF token of the page on every unsafe request.
import { t } from 'app/i18n/messages.js';

const csrfToken = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';

/** Builds an API path from literal segments and values, escaping each value. */
export function apiPath(strings, ...values) {
  return strings.reduce((path, text, i) => path + text + (i < values.length ? encodeURIComponent(values[i]) : ''), '');
}

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'X-CSRF-TOKEN': csrfToken(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, data };
}

/** The convolution API's answer as float32 numbers after a JSON head: the same bits as JSON, without writing or parsing text. */
const MAPS_TYPE = 'application/vnd.convlab.maps';

/** Reads a maps answer: the head (shape, padding, device…) with {@code output} nested images × kernels × rows × columns. */
function readMaps(buffer) {
  const headLength = new DataView(buffer).getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, headLength)));
  const numbers = new Float32Array(buffer, 4 + headLength);
  const [images, kernels, rows, columns] = head.shape;
  let next = 0;
  head.output = Array.from({ length: images }, () => Array.from({ length: kernels }, () => Array.from({ length: rows }, () => {
    const row = Array.from(numbers.subarray(next, next + columns));
    next += columns;
    return row;
  })));
  return head;
}

/** Posts a convolution and reads its maps as float32 numbers; a refusal comes as JSON, as from {@link postJson}. */
export async function postForMaps(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: `${MAPS_TYPE}, application/json;q=0.5`, 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrfToken() },
    body: JSON.stringify(body),
  });
  if (response.ok && response.headers.get('Content-Type')?.startsWith(MAPS_TYPE)) {
    return { ok: true, status: response.status, data: readMaps(await response.arrayBuffer()) };
  }
  const data = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, data };
}

/** A problem answer as one sentence: its first bad field and why, else its detail, else {@code fallback}. */
export function problemText(data, fallback) {
  const error = data?.errors?.[0];
  return error ? t('api.fieldProblem', { field: error.field, message: error.message }) : data?.detail ?? fallback;
}

export const getJson = (path) => call('GET', path);
export const postJson = (path, body) => call('POST', path, body);
export const putJson = (path, body) => call('PUT', path, body);
/** Any method, for pages whose forms name theirs. */
export const sendJson = (method, path, body) => call(method, path, body);

/** Fetches a CSV export (the API picks CSV by the Accept header) and hands it to the browser as a download. */
export async function downloadCsv(path, fileName) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'text/csv' } });
  if (!response.ok) {
    return false;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
  return true;
}
