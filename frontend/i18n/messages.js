// The front end's words in the page's language (<html lang>, which the server sets from the reader's choice): one
// catalogue per language, imported with this module so that no extra request can fail, and Intl for numbers and dates.
import en from './en.js';
import ja from './ja.js';

const CATALOGUES = { en, ja };

/** The page's language as a catalogue knows it: "ja" or "en" (anything else reads English). */
export const lang = CATALOGUES[document.documentElement.lang?.split('-')[0]] ? document.documentElement.lang.split('-')[0] : 'en';

const catalogue = CATALOGUES[lang];
const plurals = new Intl.PluralRules(lang);

/**
 * The message {@code key} with its {placeholders} filled from {@code params}, in the order the language puts them. All
 * parameters plain (strings, numbers): a string. Any parameter a Lit template: the parts as an array, which Lit renders.
 */
export function t(key, params = {}) {
  const text = catalogue[key] ?? en[key] ?? key;
  const parts = text.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 0 ? part : params[part] ?? `{${part}}`));
  return parts.every((part) => typeof part === 'string' || typeof part === 'number') ? parts.join('') : parts;
}

/** The message {@code key.one} or {@code key.other} for {@code count}, as the language's plural rules choose. */
export function tp(key, count, params = {}) {
  return t(`${key}.${plurals.select(count) === 'one' ? 'one' : 'other'}`, { count, ...params });
}

const numberFormats = new Map();

/** A number in the page's language with exactly {@code digits} decimals (none by default): "1,234", "0.50". */
export function number(value, digits = 0) {
  if (!numberFormats.has(digits)) {
    numberFormats.set(digits, new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }
  return numberFormats.get(digits).format(value);
}

/** A share (0.961) as a percentage with {@code digits} decimals: "96.10%". */
export function percent(value, digits = 2) {
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A list joined as the language joins one: "1, 2, 3" / "1、2、3". */
export function list(items) {
  return items.map(String).join(t('list.separator'));
}
