// Tests that compile `localization` without an adapter (resolveLocalization, localeNegotiator...)
// load intl-messageformat as the Node adapters do: src/i18n/intl-modules.ts needs an adapter to
// say how, and there is none here. The adapters' own tests run their choice, which replaces this.
import { useIntlModules } from '../../src/i18n/intl-modules.js'
import { intlOnDemand } from '../../src/i18n/intl-on-demand.js'

useIntlModules(intlOnDemand)
