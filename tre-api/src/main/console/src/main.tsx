import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, session } from './api';
import { ErrorText } from './ui';
import { TreList, TrePage } from './tres';
import { NewRequest, RequestList, RequestPage, ReviewQueue } from './requests';
import { Operations } from './operations';
import './style.css';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

function SignIn({ onSignedIn }: { onSignedIn: (user: string) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await call('/system/whoami', {}, token.trim());
      session.signIn(token.trim());
      onSignedIn(me.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="narrow">
      <h1>TRE console</h1>
      <form onSubmit={submit} class="card">
        <h2>Sign in</h2>
        <p>
          Paste an API token. The console keeps it in this tab only (it is gone when the tab closes) and
          sends it with each call to this service's API.
        </p>
        <label for="token">API token</label>
        <input id="token" name="token" type="password" autoComplete="off" required value={token}
               onInput={(e) => setToken((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={busy}>Sign in</button>
        <ErrorText error={error} />
      </form>
    </main>
  );
}

function Page({ hash }: { hash: string }) {
  const path = hash.replace(/^#/, '') || '/';
  const [route, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  let match: RegExpMatchArray | null;
  if ((match = route.match(/^\/tre\/([^/]+)$/))) {
    return <TrePage id={decodeURIComponent(match[1])} key={match[1]} />;
  }
  if ((match = route.match(/^\/request\/([^/]+)$/))) {
    return <RequestPage id={decodeURIComponent(match[1])} key={match[1]} />;
  }
  switch (route) {
    case '/requests':
      return <RequestList />;
    case '/requests/new':
      return <NewRequest tre={params.get('tre') ?? ''} />;
    case '/review':
      return <ReviewQueue />;
    case '/operations':
      return <Operations />;
    default:
      return <TreList />;
  }
}

const NAV: [string, string][] = [['#/', 'TREs'], ['#/requests', 'Requests'], ['#/review', 'Review queue'],
  ['#/operations', 'Operations']];

function App() {
  const hash = useHash();
  const [me, setMe] = useState<string | null>(null);
  const [checking, setChecking] = useState(session.token() !== null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (session.token() === null) {
      return;
    }
    call('/system/whoami').then((answer) => setMe(answer.id)).catch((e) => {
      // A token that no longer authenticates is dropped; any other failure leaves it for a retry.
      if (e instanceof ApiError && e.type === 'InvalidAuthentication') {
        session.signOut();
      }
      setError(e);
    }).finally(() => setChecking(false));
  }, []);
  if (checking) {
    return <main id="main"><p role="status">Signing in…</p></main>;
  }
  if (me === null) {
    return <><SignIn onSignedIn={(user) => { setError(null); setMe(user); }} /><ErrorText error={error} /></>;
  }
  const current = (target: string) => (hash || '#/') === target || (target !== '#/' && hash.startsWith(target + '/'));
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">TRE console</span>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([target, label]) => (
              <li key={target}><a href={target} aria-current={current(target) ? 'page' : undefined}>{label}</a></li>
            ))}
          </ul>
        </nav>
        <span class="me">Signed in as <strong data-testid="me">{me}</strong></span>
        <button type="button" class="secondary" onClick={() => { session.signOut(); setMe(null); location.hash = ''; }}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page hash={hash} />
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
