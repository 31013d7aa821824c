/**
 * `request.correlationId`, merged into Fastify's `FastifyRequest` once the package is imported.
 */
declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The request's correlation id, the one its problem answers and log lines carry: the
     * incoming `correlationIdHeader` when valid, else the active span's trace id, else the
     * `traceparent`'s, else a new UUID. Picked once per request.
     *
     * @example
     * app.get('/orders/:id', async (request) => {
     *   request.log.info('loading') // the line carries { reqId, correlationId }
     *   return queue.publish({ orderId: request.params.id, correlationId: request.correlationId })
     * })
     */
    readonly correlationId: string
  }
}

export {}
