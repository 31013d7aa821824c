/**
 * `req.correlationId`, merged into Express's `Request` once `http-problems/express` is imported.
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own extension point
  namespace Express {
    interface Request {
      /**
       * The request's correlation id, set by `problems().correlation` (absent when that
       * middleware is not mounted): the one its problem answers and log lines carry.
       *
       * @example
       * app.use(correlation)
       * app.get('/orders/:id', (req, res) => res.json({ id: req.params.id, correlationId: req.correlationId }))
       */
      correlationId?: string
    }
  }
}

export {}
