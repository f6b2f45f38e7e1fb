import { names } from '@nx/devkit';

const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The spellings one name takes in generated code: files, classes, members, routes and prose. */
export interface NameForms {
  /** `watch-party`: file and folder names. */
  fileName: string;
  /** `WatchParty`: class names. */
  className: string;
  /** `watchParty`: members and variables. */
  propertyName: string;
  /** `watch party`: descriptions and messages. */
  words: string;
}

/** Normalises `WatchParty`, `watchParty` or `watch-party` to its forms; refuses what cannot be a file name. */
export function nameForms(input: string): NameForms {
  const { fileName, className, propertyName } = names(input.trim());
  if (!KEBAB_CASE.test(fileName)) {
    throw new Error(`"${input}" cannot be a name: use letters and digits in kebab-case, starting with a letter, e.g. watch-party`);
  }
  return { fileName, className, propertyName, words: fileName.replace(/-/g, ' ') };
}

/** The plural of a kebab-case name, inflecting its last word: watch-party → watch-parties, box → boxes. */
export function pluralOf(fileName: string): string {
  const cut = fileName.lastIndexOf('-') + 1;
  const head = fileName.slice(0, cut);
  const word = fileName.slice(cut);
  if (/[^aeiou]y$/.test(word)) return `${head}${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${head}${word}es`;
  return `${head}${word}s`;
}
