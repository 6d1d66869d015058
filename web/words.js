// The runtime's words in the page's language.  They are in web/words.json, by
// part ("status", "cell", ...), then language, then key; the build reads the
// same file (py/livecells/words.py).  A script imports the parts it shows,
// `import { cell as cellWords } from "./words.json"` (named so that no local
// name hides them), so that esbuild bundles only those parts, and reads them
// through `said(part)` and `say(part, key)` here.
//
// The language is the page's <html lang>; in the Python worker, which has no
// page, the one the page put in the worker's name (web/config.js).  A language
// the file does not have gets English.
import { languages } from "./words.json";

const DEFAULT = "en";

export function language() {
  let lang = DEFAULT;
  try {
    lang = typeof document === "undefined" ? JSON.parse(self.name).lang : document.documentElement.lang;
  } catch {
    // a worker started without a language in its name: English
  }
  lang = String(lang || DEFAULT).toLowerCase().split("-")[0];
  return languages.includes(lang) ? lang : DEFAULT;
}

// A part of the words file in the page's language: {key: text}.
export function said(part) {
  const texts = part?.[language()];
  if (!texts) throw new TypeError("said(): not a part of web/words.json");
  return texts;
}

// `text` with its {fields} filled in from `fields`.
export function fill(text, fields = {}) {
  return text.replace(/\{(\w+)\}/g, (_, name) => fields[name]);
}

// The text `key` of `part` in the page's language, its {fields} filled in.
export function say(part, key, fields = {}) {
  return fill(said(part)[key], fields);
}

// The text `key` about `count` things: its singular twin `key_one` when `count`
// is 1 and the language has one ("1 colour", but "2 colours").
export function sayCount(part, key, count, fields = {}) {
  const one = `${key}_one`;
  return say(part, count === 1 && one in said(part) ? one : key, { ...fields, count });
}

// The first number format of a page costs 20-35 ms (the browser loads its
// locale data): made once per kind, and the cells' "ran in 0.01 s" one is made
// while Python starts (live_cell.js), not when the reader's first output comes.
const formats = new Map();

// A number in running text as the page's readers write it (0.25, 0,25);
// `grouping` puts in thousands separators (9,826.2; 9 826,2).
export function decimal(value, digits, grouping = false) {
  const key = `${language()} ${digits} ${grouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language(), {
      minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping,
    });
    formats.set(key, format);
  }
  return format.format(value);
}