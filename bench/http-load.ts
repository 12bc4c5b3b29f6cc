import autocannon from 'autocannon';

export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Responses that were not 200 with `data` and without `errors`, plus connection errors. */
  readonly failures: number;
}

export interface LoadOptions {
  readonly seconds: number;
  readonly connections: number;
}

/** One autocannon run: POSTs `query` to `url` for `seconds`, checking every response body. */
export async function runLoad(url: string, query: string, { seconds, connections }: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    duration: seconds,
    connections,
    // Every body is read: a GraphQL error answers 200 too, so the status alone proves nothing.
    verifyBody: (body) => typeof body === 'string' && body.startsWith('{"data":') && !body.includes('"errors":'),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.mismatches + result.errors,
  };
}

/** Checks one answer before loading, so a broken query fails with its message, not a count. */
export async function checkOnce(url: string, query: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await res.text();
  if (res.status !== 200 || !text.startsWith('{"data":') || text.includes('"errors":')) {
    throw new Error(`${url} answered ${res.status} ${text.slice(0, 500)} to ${query}`);
  }
}
