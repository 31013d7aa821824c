/** One `localization` option for the i18n tests and the parity table. */
import type { LocalizationOptions } from '../../src/i18n/localization.js'

export const OUT_OF_CREDIT_TYPE = 'https://errors.example.com/out-of-credit'

export const LOCALIZATION: LocalizationOptions = {
  locales: ['en', 'de', 'de-AT', 'fr', 'ja', 'it'],
  defaultLocale: 'en',
  messages: {
    en: {
      OUT_OF_CREDIT: {
        title: 'Not enough credit',
        detail: 'Your balance is {balance, number}, the price {cost, number}.',
      },
      ITEMS_LEFT: { detail: '{count, plural, one {# item is} other {# items are}} still in the cart.' },
      BROKEN: { title: 'Broken in English too', detail: 'Needs {missing}.' },
      HALF_BROKEN: { detail: 'English fallback for {status}.' },
      ONLY_ENGLISH: { title: 'Only in English' },
      SHOWS_MEMBERS: { detail: '{status} {member} {flag, select, true {on} other {off}}' },
      SHOWS_NESTED: { detail: 'Nested: {nested}' },
      SHOWS_CAUSE: { detail: 'Cause: {cause}' },
    },
    de: {
      OUT_OF_CREDIT: {
        title: 'Guthaben reicht nicht',
        detail: 'Ihr Guthaben ist {balance, number}, der Preis {cost, number}.',
      },
      ITEMS_LEFT: { detail: '{count, plural, one {# Artikel liegt} other {# Artikel liegen}} noch im Warenkorb.' },
      HALF_BROKEN: { detail: 'Braucht {missing}.' },
      [OUT_OF_CREDIT_TYPE]: { title: 'Guthaben erschöpft' },
    },
    'de-AT': {
      OUT_OF_CREDIT: { title: 'Guthaben reicht leider nicht' },
    },
    fr: {
      OUT_OF_CREDIT: { detail: 'Votre solde est de {balance, number}, le prix de {cost, number}.' },
    },
  },
}
