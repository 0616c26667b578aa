import { useState } from 'preact/hooks';
import { ApiError, call, callAll, Json } from './api';
import {
  ActionResult, ErrorText, Fields, lines, Loading, Section, Table, TextArea, TextField, Time, useAction, useLoad,
  usePoll, Value,
} from './ui';

function RequestTable({ requests, caption }: { requests: Json[]; caption: string }) {
  return (
    <Table caption={caption} head={['Request', 'TRE', 'Applicant', 'State', 'Decision', 'Round']}>
      {requests.map(({ id, describe }) => (
        <tr key={id}>
          <td><a href={`#/request/${id}`}>{describe.name}</a> <span class="id">{id}</span></td>
          <td><a href={`#/tre/${describe.tre}`}>{describe.tre}</a></td>
          <td>{describe.applicant}</td>
          <td><span class={`state state-${describe.state}`}>{describe.state}</span></td>
          <td><Value value={describe.decision} /></td>
          <td>{describe.round}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Every request the caller may describe: their own, those they collaborate on, and those of TREs they review. */
export function RequestList() {
  const requests = useLoad(() => callAll('/system/findTreApplications', { describe: true }), []);
  return (
    <>
      <h1>Data access requests</h1>
      <p><a class="button" href="#/requests/new">New request</a></p>
      <Loading loaded={requests} label="requests" />
      {requests.data && requests.data.length === 0 && <p>No request yet.</p>}
      {requests.data && requests.data.length > 0 && <RequestTable requests={requests.data} caption="Requests" />}
    </>
  );
}

export function ReviewQueue() {
  const queue = useLoad(() => callAll('/system/findTreApplications', { awaitingMyReview: true, describe: true }), []);
  return (
    <>
      <h1>Review queue</h1>
      <p>Requests in review with a step assigned to you that you may decide.</p>
      <Loading loaded={queue} label="the queue" />
      {queue.data && queue.data.length === 0 && <p data-testid="queue-empty">Nothing awaits your review.</p>}
      {queue.data && queue.data.length > 0 && <RequestTable requests={queue.data} caption="Awaiting my review" />}
    </>
  );
}

function RequestFields({ initial, submitLabel, onSubmit, action }: {
  initial: { name: string; description: string; fields: string[] }; submitLabel: string;
  onSubmit: (values: { name: string; description: string; fields: string[] }) => void; action: ReturnType<typeof useAction>;
}) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [fields, setFields] = useState(initial.fields.join('\n'));
  return (
    <form onSubmit={(e) => { e.preventDefault(); onSubmit({ name, description, fields: lines(fields) }); }}>
      <TextField id="request-name" label="Name" value={name} onValue={setName} required />
      <TextArea id="request-description" label="Description" value={description} onValue={setDescription}
                rows={4} />
      <TextArea id="request-fields" label="Fields requested (one per line)" value={fields} onValue={setFields} rows={3} />
      <button type="submit" disabled={action.busy}>{submitLabel}</button>
      <ActionResult action={action} />
    </form>
  );
}

export function NewRequest({ tre }: { tre: string }) {
  const tres = useLoad(() => callAll('/system/findTres', { describe: true }), []);
  const [chosen, setChosen] = useState(tre);
  const create = useAction();
  const active = (tres.data ?? []).filter((t: Json) => t.describe.state === 'active');
  const selected = chosen || active[0]?.id || '';
  const submit = (values: { name: string; description: string; fields: string[] }) => {
    void create.run(async () => {
      const input: Json = { tre: selected, name: values.name, fields: values.fields,
        // A nonce makes a repeated click (or a retried request) create one request, not two.
        nonce: crypto.randomUUID() };
      if (values.description) {
        input.description = values.description;
      }
      const made = await call('/treApplication/new', input);
      location.hash = `#/request/${made.id}`;
    });
  };
  return (
    <>
      <h1>New data access request</h1>
      <Loading loaded={tres} label="TREs" />
      {tres.data && (
        <Section title="Request">
          <div class="field">
            <label for="request-tre">TRE</label>
            <select id="request-tre" value={selected} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
              {active.map((t: Json) => <option key={t.id} value={t.id}>{t.describe.name} ({t.id})</option>)}
            </select>
          </div>
          <RequestFields initial={{ name: '', description: '', fields: [] }} submitLabel="Create request"
                         onSubmit={submit} action={create} />
        </Section>
      )}
    </>
  );
}

export function RequestPage({ id }: { id: string }) {
  const request = useLoad(() => call(`/${id}/describe`, {}), [id]);
  if (!request.data) {
    return <><h1>{id}</h1><Loading loaded={request} label="the request" /></>;
  }
  const r = request.data;
  const can = (verb: string) => (r.permissions ?? []).includes(verb);
  return (
    <>
      <h1>{r.name} <span class={`state state-${r.state}`} data-testid="request-state">{r.state}</span></h1>
      <p class="id">{r.id}</p>
      <ErrorText error={request.error} />
      <Section title="Request">
        <Fields rows={[['TRE', <a href={`#/tre/${r.tre}`}>{r.tre}</a>], ['Applicant', r.applicant],
          ['Created by', r.createdBy], ['Collaborators', <Value value={r.collaborators} />],
          ['Decision', <span data-testid="request-decision"><Value value={r.decision} /></span>], ['Round', r.round],
          ['Description', <Value value={r.description} />], ['Fields', <Value value={r.fields} />],
          ['Cohort', r.hasCohort ? 'set' : 'none'], ['Submitted', <Time ms={r.submitted} />],
          ['Approved', <Time ms={r.approved} />], ['You may', <Value value={r.permissions} />]]} />
      </Section>
      <Section title="Review steps">
        {Object.keys(r.reviewSteps ?? {}).length === 0 ? <p>Not submitted yet: the TRE's steps are copied in on submission.</p> : (
          <Table caption="Review steps" head={['Step', 'Name', 'State', 'Decided by', 'Decided', 'Comment']}>
            {Object.entries(r.reviewSteps).map(([step, s]: [string, Json]) => (
              <tr key={step} data-testid={`step-${step}`}>
                <td><code>{step}</code></td>
                <td>{s.name}</td>
                <td><span class={`state state-${s.state}`}>{s.state}</span></td>
                <td><Value value={s.decidedBy} /></td>
                <td><Time ms={s.decided} /></td>
                <td><Value value={s.comment} /></td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      {(can('approve') || can('reject')) && <Decide request={r} reload={request.reload} />}
      {(can('update') || can('submit')) && <Edit request={r} reload={request.reload} />}
      <Projects projects={r.projects ?? []} />
    </>
  );
}

function Decide({ request, reload }: { request: Json; reload: () => Promise<void> }) {
  const pending = Object.entries(request.reviewSteps).filter(([, s]: [string, Json]) => s.state === 'pending');
  const [step, setStep] = useState(pending[0]?.[0] ?? '');
  const [comment, setComment] = useState('');
  const decide = useAction();
  const send = (verb: 'approve' | 'reject') => decide.run(async () => {
    const input: Json = { reviewStepId: step };
    // approve takes an optional comment; an empty one would be refused as too short.
    if (comment.trim() !== '' || verb === 'reject') {
      input.comment = comment;
    }
    await call(`/${request.id}/${verb}`, input);
    setComment('');
    await reload();
  }, verb === 'approve' ? 'Approved.' : 'Rejected.');
  return (
    <Section title="Your decision">
      <form onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="decide-step">Review step</label>
          <select id="decide-step" value={step} onChange={(e) => setStep((e.target as HTMLSelectElement).value)}>
            {pending.map(([id, s]: [string, Json]) => <option key={id} value={id}>{s.name} ({id})</option>)}
          </select>
        </div>
        <TextArea id="decide-comment" label="Comment (required to reject)" value={comment} onValue={setComment}
                  rows={3} />
        <div class="actions">
          <button type="button" disabled={decide.busy} onClick={() => send('approve')}>Approve</button>
          <button type="button" class="danger" disabled={decide.busy} onClick={() => send('reject')}>Reject</button>
        </div>
        <ActionResult action={decide} />
      </form>
    </Section>
  );
}

function Edit({ request, reload }: { request: Json; reload: () => Promise<void> }) {
  const save = useAction();
  const submit = useAction();
  const update = (values: { name: string; description: string; fields: string[] }) => {
    void save.run(async () => {
      const input: Json = { name: values.name, fields: values.fields, description: values.description };
      await call(`/${request.id}/update`, input);
      await reload();
    }, 'Saved.');
  };
  return (
    <Section title="Edit and submit">
      {(request.permissions ?? []).includes('update') && (
        <RequestFields key={request.modified} submitLabel="Save changes" onSubmit={update} action={save}
                       initial={{ name: request.name, description: request.description ?? '', fields: request.fields ?? [] }} />
      )}
      {(request.permissions ?? []).includes('submit') && (
        <div class="actions">
          <button type="button" disabled={submit.busy}
                  onClick={() => submit.run(async () => { await call(`/${request.id}/submit`, {}); await reload(); }, 'Submitted for review.')}>
            Submit for review
          </button>
          <ActionResult action={submit} />
        </div>
      )}
    </Section>
  );
}

/** A request project's describe; `treDispensal` appears once a dispensal was queued for it. */
function Projects({ projects }: { projects: string[] }) {
  return (
    <Section title="Projects">
      {projects.length === 0 ? <p>No project yet: the applicant and collaborators create them once the request is approved.</p> : (
        <ul class="projects">{projects.map((p) => <Project key={p} id={p} />)}</ul>
      )}
    </Section>
  );
}

/** Where a dispensal stands, in the order DispensalJobs moves it: the page polls until it ends. */
const DISPENSAL_STEPS = ['idle', 'runnable', 'running', 'done'];

function dispensalProgress(dispensal: Json): string {
  const objects = Array.isArray(dispensal.objects) ? dispensal.objects.length : 0;
  switch (dispensal.state) {
    case 'idle':
      return 'Queued: waiting for its turn in the TRE\'s dispensal queue.';
    case 'runnable':
      return 'Starting: first in the queue, the TRE records its inventory version.';
    case 'running':
      return `Copying ${objects} object${objects === 1 ? '' : 's'} into the project.`;
    case 'done':
      return `Done: ${objects} object${objects === 1 ? '' : 's'} placed in the project.`;
    case 'failed':
      return `Failed: ${dispensal.failureMessage ?? dispensal.failureReason ?? 'no reason given'}.`;
    default:
      return String(dispensal.state);
  }
}

function Project({ id }: { id: string }) {
  const project = useLoad(() => call(`/${id}/describe`, {}), [id]);
  const d = project.data;
  const dispensal = d?.treDispensal;
  const ongoing = dispensal !== undefined && dispensal !== null && !['done', 'failed'].includes(dispensal.state);
  usePoll(project.reload, 1000, ongoing);
  return (
    <li>
      <strong>{d?.name ?? id}</strong> <span class="id">{id}</span>
      {project.error instanceof ApiError && <ErrorText error={project.error} />}
      {d && (dispensal ? (
        <>
          <div role="status" aria-live="polite" data-testid={`dispensal-${id}`}>
            <p>{dispensalProgress(dispensal)}</p>
            {dispensal.state !== 'failed' && (
              <progress aria-label={`Dispensal into ${d.name ?? id}`} max={DISPENSAL_STEPS.length - 1}
                        value={Math.max(DISPENSAL_STEPS.indexOf(dispensal.state), 0)} />
            )}
          </div>
          <Fields rows={[['Dispensal', <span class={`state state-${dispensal.state}`}>{dispensal.state}</span>],
            ['Job', <Value value={dispensal.job} />], ['Inventory version', <Value value={dispensal.inventoryVersion} />],
            ['Objects', <Value value={Array.isArray(dispensal.objects) ? dispensal.objects.length : dispensal.objects} />],
            ['Started', <Time ms={dispensal.started} />], ['Finished', <Time ms={dispensal.finished} />]]} />
        </>
      ) : <p class="muted">No dispensal.</p>)}
    </li>
  );
}
