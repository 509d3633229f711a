/**
 * A stand-in for ACLED's API on a real HTTP server (port 0), answering as acleddata.com documents:
 * `POST /oauth/token` (password and refresh_token grants, client_id=acled), `GET /api/acled/read`
 * (country with `|`, timestamp "at or after", event_date BETWEEN, limit, page) and
 * `GET /api/deleted/read` (deleted_timestamp, limit, page), JSON `{ status, success, count, data }`
 * with values as strings, as ACLED's JSON carries them.
 *
 * Faults on demand: `expireTokens()` makes every access token answer 401 (refresh tokens stay
 * good), `failNext(path, status, headers)` answers the next request to a path with that status.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ACLED_CURRENT_COLUMNS } from '../../core/import/acled-columns';

export type ApiRow = Record<string, string | number | null>;

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The form of a token request (the test checks the grant, never logs it). */
  form?: Record<string, string>;
  status: number;
}

export interface AcledStandIn {
  url: string;
  account: { username: string; password: string };
  events: Map<string, ApiRow>;
  deleted: { event_id_cnty: string; deleted_timestamp: string }[];
  requests: SeenRequest[];
  /** Adds or replaces an event (its `timestamp` is the time of the change). */
  put(row: ApiRow): void;
  /** Removes an event and lists it in the deleted feed. */
  remove(eventId: string, deletedAt: number): void;
  expireTokens(): void;
  /** Expires every access token once `reads` more reads have been answered (a token running out mid-run). */
  expireAfterReads(reads: number): void;
  /** Answers a request to `path` with `status`: the next one, or the one after `after` more. */
  failNext(
    path: string,
    status: number,
    headers?: Record<string, string>,
    body?: unknown,
    opts?: { after?: number },
  ): void;
  close(): Promise<void>;
}

const BASE: Record<(typeof ACLED_CURRENT_COLUMNS)[number], string> = {
  event_id_cnty: 'PAK1',
  event_date: '2024-03-05',
  year: '2024',
  time_precision: '1',
  disorder_type: 'Political violence',
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'Remote explosive/landmine/IED',
  actor1: 'Unidentified Armed Group (Pakistan)',
  assoc_actor_1: '',
  inter1: 'Political militia',
  actor2: 'Civilians (Pakistan)',
  assoc_actor_2: '',
  inter2: 'Civilians',
  interaction: 'Political militia-Civilians',
  civilian_targeting: 'Civilian targeting',
  iso: '586',
  region: 'Southern Asia',
  country: 'Pakistan',
  admin1: 'Balochistan',
  admin2: 'Quetta',
  admin3: '',
  location: 'Quetta',
  latitude: '30.1872',
  longitude: '67.0125',
  geo_precision: '1',
  source: 'Dawn',
  source_scale: 'National',
  notes: 'An IED went off in Quetta.',
  fatalities: '2',
  tags: '',
  timestamp: '1709640000',
};

/** An API event with ACLED's current fields; values as the API's JSON gives them (strings). */
export function apiEvent(overrides: ApiRow = {}): ApiRow {
  return { ...BASE, ...overrides };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startAcledStandIn(
  opts: { account?: { username: string; password: string } } = {},
): Promise<AcledStandIn> {
  const account = opts.account ?? { username: 'analyst@example.org', password: 'acled-secret-pass' };
  const events = new Map<string, ApiRow>();
  const deleted: { event_id_cnty: string; deleted_timestamp: string }[] = [];
  const requests: SeenRequest[] = [];
  const access = new Set<string>();
  const refresh = new Set<string>();
  const faults = new Map<string, { status: number; headers: Record<string, string>; body: unknown; after: number }[]>();
  let n = 0;
  let expireIn: number | null = null;

  const issue = () => {
    n += 1;
    const token = { access_token: `access-${n}`, refresh_token: `refresh-${n}` };
    access.add(token.access_token);
    refresh.add(token.refresh_token);
    return { ...token, token_type: 'Bearer', expires_in: 86400 };
  };

  const page = <T>(rows: T[], query: Record<string, string>) => {
    const limit = Number(query.limit ?? 5000) || 5000;
    const p = Math.max(1, Number(query.page ?? 1) || 1);
    return rows.slice((p - 1) * limit, p * limit);
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(url.searchParams);
    const seen: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, query, status: 200 };
    requests.push(seen);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      seen.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    const queue = faults.get(url.pathname);
    const fault = queue?.[0];
    if (fault && fault.after > 0) fault.after -= 1;
    else if (fault) {
      queue!.shift();
      return answer(fault.status, fault.body, fault.headers);
    }

    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      seen.form = form;
      if (form.client_id !== 'acled') return answer(400, { error: 'invalid_client' });
      if (form.grant_type === 'password') {
        if (form.username !== account.username || form.password !== account.password)
          return answer(400, { error: 'invalid_grant', error_description: 'The user credentials were incorrect.' });
        return answer(200, issue());
      }
      if (form.grant_type === 'refresh_token') {
        if (!refresh.delete(form.refresh_token ?? ''))
          return answer(400, { error: 'invalid_grant', error_description: 'The refresh token is invalid.' });
        return answer(200, issue());
      }
      return answer(400, { error: 'unsupported_grant_type' });
    }

    if (req.method === 'GET' && (url.pathname === '/api/acled/read' || url.pathname === '/api/deleted/read')) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !access.has(token))
        return answer(401, { status: 401, success: false, error: { message: 'The access token expired.' } });
      if (expireIn !== null && --expireIn <= 0) {
        expireIn = null;
        setImmediate(() => access.clear());
      }
      if (url.pathname === '/api/deleted/read') {
        const since = query.deleted_timestamp ? Number(query.deleted_timestamp) : -Infinity;
        const rows = deleted
          .filter((d) => Number(d.deleted_timestamp) >= since)
          .sort((a, b) => Number(a.deleted_timestamp) - Number(b.deleted_timestamp));
        const data = page(rows, query);
        return answer(200, { status: 200, success: true, count: data.length, data });
      }
      const countries = query.country ? query.country.split('|') : null;
      const since = query.timestamp ? Number(query.timestamp) : -Infinity;
      const [from, to] =
        query.event_date && query.event_date_where === 'BETWEEN' ? query.event_date.split('|') : [null, null];
      const rows = [...events.values()]
        .filter((e) => !countries || countries.includes(String(e.country)))
        .filter((e) => Number(e.timestamp) >= since)
        .filter((e) => !from || (String(e.event_date) >= from && String(e.event_date) <= to!))
        .sort(
          (a, b) =>
            Number(a.timestamp) - Number(b.timestamp) || String(a.event_id_cnty).localeCompare(String(b.event_id_cnty)),
        );
      const data = page(rows, query);
      return answer(200, { status: 200, success: true, last_update: 0, count: data.length, messages: [], data });
    }
    answer(404, { error: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    account,
    events,
    deleted,
    requests,
    put: (row) => void events.set(String(row.event_id_cnty), row),
    remove(eventId, deletedAt) {
      events.delete(eventId);
      deleted.push({ event_id_cnty: eventId, deleted_timestamp: String(deletedAt) });
    },
    expireTokens: () => access.clear(),
    expireAfterReads: (reads) => void (expireIn = reads),
    failNext(
      path,
      status,
      headers = {},
      body = { status, success: false, error: { message: `stand-in ${status}` } },
      opts = {},
    ) {
      const list = faults.get(path) ?? [];
      list.push({ status, headers, body, after: opts.after ?? 0 });
      faults.set(path, list);
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
