/**
 * The built-in messages of every language the package ships, by primary language subtag. One
 * data file per language beside this one; a locale such as `de-AT` uses `de`'s.
 */
import { de } from './de.js'
import { en } from './en.js'
import { es } from './es.js'
import { fr } from './fr.js'
import { ja } from './ja.js'
import type { BuiltInMessages } from './messages-type.js'

export type { BuiltInMessages } from './messages-type.js'

/** Languages with built-in titles and 5xx detail. */
export const BUILT_IN_MESSAGES: ReadonlyMap<string, BuiltInMessages> = new Map([
  ['en', en],
  ['de', de],
  ['fr', fr],
  ['es', es],
  ['ja', ja],
])
