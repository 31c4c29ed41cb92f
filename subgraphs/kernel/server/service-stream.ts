import type { RequestContext } from '../context';

/**
 * A platform-internal stream for SERVICE callers, answered as JSON lines (kernel/server/http.ts).
 * Each line is made in a request scope of its own — its own time, loaders and audit collector — and
 * is sent only once that scope's audit records are written, so a stream is held to the same rules as
 * the sequence of requests it replaces. Streams only read.
 */
export interface ServiceStream {
  /** The route a platform serves it at (e.g. '/reflow/changes'). */
  path: string;
  /** The lines, each with the scope `nextScope` gave for it; the stream ends when the iteration does. */
  lines(body: unknown, nextScope: () => RequestContext): AsyncIterable<StreamLine>;
}

export interface StreamLine {
  scope: RequestContext;
  line: unknown;
}
