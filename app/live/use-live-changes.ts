'use client';
/**
 * The browser side of the live protocol (issue 3). One Socket.IO connection per page that:
 * - starts from the page's snapshot position and sends the last applied position in `auth` on
 *   every (re)connect, so the server replays exactly what was missed;
 * - applies each change once and in order (ignores seq ≤ position, resyncs on a gap or a new epoch);
 * - on `recovered: false` asks the page to reload its snapshot (onResync);
 * - reconnects with jittered exponential backoff capped at 2 s (live-socket.ts), also after the
 *   server refused or dropped the connection, which Socket.IO does not retry by itself, and moves
 *   to another node when a stopping one asks it to (`live.reconnect`, with jitter);
 * - reports { state: live | reconnecting | offline, since, position } for the indicator;
 * - passes on `duplicates.changed` (a candidate found or resolved on any node), and says so after a
 *   reconnection too, since a signal sent while away is not replayed (onDuplicates).
 * Changes already applied are kept for a while so a page can re-apply them onto a fresher
 * snapshot that was read before them (changesAfter).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { Change, Position } from '@/core/change/change';
import type { LiveHello, ServerToClientEvents } from '@/server/live/events';
import { LIVE_BACKOFF, followDrains, retryDelayMs } from './live-socket';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveStatus {
  state: LiveState;
  /** When the current state began (ms since epoch); for offline, when the connection was lost. */
  since: number;
  position: Position;
  /** When the page last knew itself current: the last change applied or (re)connection (ms; 0: not yet). */
  updatedAt: number;
}

export interface LiveOptions {
  /** The position the page's data is consistent with (server-rendered or refetched). */
  snapshot: Position;
  /** New changes, ascending, each seq once. */
  onChanges: (changes: Change[]) => void;
  /** The server cannot bring us up to date (first contact after a long sleep, a new epoch). */
  onResync: () => void;
  /** Duplicate candidates may have changed: read what depends on them again. */
  onDuplicates?: () => void;
}

/** Reconnecting for longer than this (or the browser reporting no network) reads as offline. */
const OFFLINE_AFTER_MS = 15_000;
const RECENT_LIMIT = 500;

export function useLiveChanges({ snapshot, onChanges, onResync, onDuplicates }: LiveOptions) {
  const position = useRef<Position>(snapshot);
  const recent = useRef<Change[]>([]);
  const handlers = useRef({ onChanges, onResync, onDuplicates });
  const [status, setStatus] = useState<LiveStatus>({ state: 'connecting', since: 0, position: snapshot, updatedAt: 0 });

  useEffect(() => {
    handlers.current = { onChanges, onResync, onDuplicates };
  });

  // A fresher snapshot moves the position forward: changes it already holds will be skipped.
  useEffect(() => {
    const p = position.current;
    if (snapshot.epoch !== p.epoch || snapshot.seq > p.seq) {
      position.current = snapshot;
      setStatus((s) => ({ ...s, position: snapshot }));
    }
  }, [snapshot]);

  useEffect(() => {
    let lostAt: number | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let attempts = 0;
    let current: LiveState = 'connecting';
    const set = (state: LiveState, since = Date.now()) => {
      if (state === current && state !== 'live') return;
      current = state;
      setStatus((s) => ({
        state,
        since,
        position: position.current,
        updatedAt: state === 'live' ? Date.now() : s.updatedAt,
      }));
    };

    const socket: Socket<ServerToClientEvents> = io({
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnection: true,
      ...LIVE_BACKOFF,
      // Called on every (re)connect: resume from what this page has applied.
      auth: (cb) => cb({ epoch: position.current.epoch, seq: position.current.seq }),
    });

    /** Connections the manager will not retry (refused handshake, server-side disconnect). */
    const retryLater = () => {
      if (retry) return;
      retry = setTimeout(() => {
        retry = null;
        if (!socket.connected) socket.connect();
      }, retryDelayMs(attempts++));
    };

    const lost = () => {
      lostAt ??= Date.now();
      set(navigator.onLine === false ? 'offline' : 'reconnecting', lostAt);
    };

    let hellos = 0;
    socket.on('live.hello', (hello: LiveHello) => {
      attempts = 0;
      lostAt = null;
      // Back after a loss: a duplicates signal may have gone out meanwhile (signals are not replayed).
      if (hellos++ > 0) handlers.current.onDuplicates?.();
      if (!hello.recovered) {
        // Take the server's top as the position and reload the snapshot; changes after it follow.
        position.current = { epoch: hello.epoch, seq: hello.seq };
        recent.current = [];
        handlers.current.onResync();
      }
      set('live');
    });

    socket.on('live.changes', (batch: Change[]) => {
      const fresh: Change[] = [];
      for (const c of batch) {
        const p = position.current;
        if (c.epoch !== p.epoch || c.seq > p.seq + 1) {
          // Another history or a hole: nothing after this can be trusted onto the current state.
          position.current = { epoch: c.epoch, seq: c.seq };
          recent.current = [];
          handlers.current.onResync();
          continue;
        }
        if (c.seq <= p.seq) continue;
        position.current = { epoch: c.epoch, seq: c.seq };
        fresh.push(c);
      }
      if (fresh.length === 0) return;
      recent.current = [...recent.current, ...fresh].slice(-RECENT_LIMIT);
      handlers.current.onChanges(fresh);
      setStatus((s) => ({ ...s, position: position.current, updatedAt: Date.now() }));
    });

    socket.on('duplicates.changed', () => handlers.current.onDuplicates?.());

    const unfollowDrains = followDrains(socket);
    let revoked = false;
    // The sign-in behind this page ended (signed out elsewhere, disabled, new role or password): a
    // reload lets the server answer with what this visitor may now see (the sign-in page, or the new role's).
    socket.on('live.revoked', () => {
      revoked = true;
      window.location.reload();
    });

    socket.on('disconnect', (reason) => {
      lost();
      if (reason === 'io server disconnect' && !revoked) retryLater();
    });
    socket.on('connect_error', () => {
      lost();
      if (!socket.active) retryLater();
    });

    const onOffline = () => lostAt !== null && set('offline', lostAt);
    const onOnline = () => {
      if (!socket.connected) socket.connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    const tick = setInterval(() => {
      if (lostAt !== null && Date.now() - lostAt > OFFLINE_AFTER_MS) set('offline', lostAt);
    }, 1000);

    return () => {
      clearInterval(tick);
      unfollowDrains();
      if (retry) clearTimeout(retry);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  /** Applied changes after `seq`, to re-apply onto a snapshot that was read before them. */
  const changesAfter = useCallback((seq: number) => recent.current.filter((c) => c.seq > seq), []);

  return { status, changesAfter };
}
