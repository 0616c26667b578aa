import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

/** An error as the API words it, announced to screen readers. */
export function ErrorText({ error }: { error: unknown }) {
  if (!error) {
    return null;
  }
  const text = error instanceof ApiError ? error.toString() : String(error);
  return <p class="error" role="alert">{text}</p>;
}

/** Milliseconds since the epoch, shown in UTC so that every reader of a timeline sees the same moment. */
export function Time({ ms }: { ms: number | null | undefined }) {
  if (ms === null || ms === undefined) {
    return <span class="muted">—</span>;
  }
  const iso = new Date(ms).toISOString();
  return <time dateTime={iso}>{formatTime(ms)}</time>;
}

export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** "2026-12-01 12:00:00" (UTC), an ISO time with a zone, or milliseconds since the epoch. */
export function parseMoment(text: string): number | null {
  const value = text.trim();
  if (/^\d+$/.test(value)) {
    return Number(value);
  }
  const plain = value.replace(/\s*UTC$/i, '').replace(' ', 'T');
  const withZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(plain) ? plain : `${plain}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : ms;
}

export function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') {
    return <span class="muted">—</span>;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? <span class="muted">none</span> : <span>{value.join(', ')}</span>;
  }
  if (typeof value === 'object') {
    return <code>{JSON.stringify(value)}</code>;
  }
  return <span>{String(value)}</span>;
}

export function Fields({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="fields">
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  const heading = id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <section aria-labelledby={`h-${heading}`} class="card" id={heading}>
      <h2 id={`h-${heading}`}>{title}</h2>
      {children}
    </section>
  );
}

/** A wide table scrolls inside its own box, so the page never scrolls sideways on a phone. */
export function Table({ caption, head, children }: { caption: string; head: string[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>{head.map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Loads on mount and whenever `key` changes; `reload` loads again (after an action, or a poll). */
export function useLoad<T>(load: () => Promise<T>, key: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const turn = ++latest.current;
    setLoading(true);
    try {
      const value = await load();
      if (turn === latest.current) {
        setData(value);
        setError(null);
      }
    } catch (e) {
      if (turn === latest.current) {
        setError(e);
      }
    } finally {
      if (turn === latest.current) {
        setLoading(false);
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, key);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}

/** Calls `tick` every `ms` while `active`: long work on the server shows its progress this way. */
export function usePoll(tick: () => void, ms: number, active: boolean) {
  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  }, [tick, ms, active]);
}

export interface Action {
  run: (work: () => Promise<unknown>, done?: string) => Promise<boolean>;
  busy: boolean;
  error: unknown;
  done: string | null;
}

/** One action at a time per form: its refusal, or what it did, shown beside it. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<unknown>, message?: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await work();
      setDone(message ?? null);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, busy, error, done };
}

export function ActionResult({ action }: { action: Action }) {
  return (
    <>
      <ErrorText error={action.error} />
      {action.done && <p class="done" role="status">{action.done}</p>}
    </>
  );
}

export function Loading({ loaded, label }: { loaded: Loaded<unknown>; label: string }) {
  if (loaded.error) {
    return <ErrorText error={loaded.error} />;
  }
  if (loaded.data === undefined) {
    return <p class="muted" role="status">Loading {label}…</p>;
  }
  return null;
}

export function lines(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A labelled one-line text field whose value is the caller's state. */
export function TextField({ id, label, value, onValue, placeholder, required }: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  placeholder?: string;
  required?: boolean;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} value={value} placeholder={placeholder} required={required}
             onInput={(e) => onValue((e.target as HTMLInputElement).value)} />
    </div>
  );
}

/** A labelled text area of so many rows whose value is the caller's state. */
export function TextArea({ id, label, value, onValue, rows }: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  rows: number;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)} />
    </div>
  );
}
