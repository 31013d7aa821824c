/**
 * Which logger a problem is logged through: pino-http's `req.log` when the app uses pino-http (it
 * carries the request id and bindings), else the `logger` option, else none. Shared with the
 * other adapters (../logger-option.js).
 */
export { isProblemLogger, requestLogger } from '../logger-option.js'
