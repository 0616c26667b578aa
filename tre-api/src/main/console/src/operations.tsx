import { call } from './api';
import { ActionResult, Loading, Section, useAction, useLoad, usePoll } from './ui';

/** Rebuilds of the read models: the operator's (the API refuses anyone else, and says so here). */
export function Operations() {
  const status = useLoad(() => call('/system/rebuildStatus', {}), []);
  const start = useAction();
  const running = status.data?.state === 'running';
  usePoll(status.reload, 1000, running);
  const s = status.data;
  return (
    <>
      <h1>Operations</h1>
      <Section title="Read model rebuild">
        <Loading loaded={status} label="the rebuild status" />
        {s && (
          <div role="status" data-testid="rebuild-status">
            {running ? (
              <>
                <p>Rebuilding: {s.processed} of {s.total} events.</p>
                <progress aria-label="Rebuild" max={Math.max(s.total, 1)} value={s.processed} />
              </>
            ) : <p>Idle. The last rebuild processed {s.processed} of {s.total} events.</p>}
          </div>
        )}
        <p>While a rebuild runs, the API answers other calls with ServiceUnavailable, and clients retry.</p>
        <button type="button" disabled={start.busy || running}
                onClick={() => start.run(async () => { await call('/system/rebuildProjections', {}); await status.reload(); }, 'Rebuild started.')}>
          Rebuild every read model
        </button>
        <ActionResult action={start} />
      </Section>
    </>
  );
}
