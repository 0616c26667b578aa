import { useEffect, useState } from 'preact/hooks';
import { call, callAll, Json } from './api';
import {
  ActionResult, ErrorText, Fields, formatTime, lines, Loading, parseMoment, Section, Table, TextArea, TextField, Time,
  useAction, useLoad, usePoll, Value,
} from './ui';

/** tre-api.md "TRE Policies": restrictedWorkspace's ten keys, in describe's order. */
const POLICIES = ['restricted', 'protected', 'downloadRestricted', 'externalUploadRestricted', 'previewViewerRestricted',
  'databaseUIViewOnly', 'containsPHI', 'httpsAppIsolatedBrowsing', 'jobOutboundInternet', 'displayDataProtectionNotice'];

/** Admins see the admin fields (DECISIONS.md §9); nobody else gets treAdmins in describe. */
const isAdminView = (describe: Json) => Array.isArray(describe?.treAdmins);

export function TreList() {
  const tres = useLoad(() => callAll('/system/findTres', { describe: true }), []);
  return (
    <>
      <h1>TREs</h1>
      <p>The Trusted Research Environments you administer, review for, or may request data from.</p>
      <Loading loaded={tres} label="TREs" />
      {tres.data && tres.data.length === 0 && <p>No TRE lists you yet.</p>}
      {tres.data && tres.data.length > 0 && (
        <Table caption="TREs" head={['TRE', 'State', 'Inventory', 'Your view', '']}>
          {tres.data.map(({ id, describe }) => (
            <tr key={id}>
              <td><a href={`#/tre/${id}`}>{describe.name}</a> <span class="id">{id}</span></td>
              <td><span class={`state state-${describe.state}`}>{describe.state}</span></td>
              <td><Value value={describe.inventory} /></td>
              <td>{isAdminView(describe) ? 'admin' : 'member'}</td>
              <td>{describe.state === 'active' && <a href={`#/requests/new?tre=${id}`}>Request data</a>}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

export function TrePage({ id }: { id: string }) {
  const tre = useLoad(() => call(`/${id}/describe`, {}), [id]);
  const syncing = tre.data?.policySync?.state === 'syncing';
  // Policy synchronization runs in the background after setPolicies; its progress is in describe.
  usePoll(tre.reload, 1000, syncing);
  if (!tre.data) {
    return <><h1>{id}</h1><Loading loaded={tre} label="the TRE" /></>;
  }
  const d = tre.data;
  return (
    <>
      <h1>{d.name} <span class={`state state-${d.state}`}>{d.state}</span></h1>
      <p class="id">{d.id}</p>
      <ErrorText error={tre.error} />
      {isAdminView(d) ? <AdminView tre={d} reload={tre.reload} /> : <MemberView tre={d} />}
    </>
  );
}

function MemberView({ tre }: { tre: Json }) {
  return (
    <>
      <Section title="Overview">
        <Fields rows={[['Summary', <Value value={tre.summary} />], ['Description', <Value value={tre.description} />],
          ['Region', tre.region], ['Billed to', tre.billTo], ['Inventory version', <Value value={tre.inventory} />],
          ['Public', tre.public ? 'yes' : 'no']]} />
        {tre.state === 'active' && <p><a class="button" href={`#/requests/new?tre=${tre.id}`}>Request data</a></p>}
      </Section>
      <Section title="Policies"><PolicyList policies={tre.policies} /></Section>
    </>
  );
}

function PolicyList({ policies }: { policies: Json }) {
  const set = POLICIES.filter((p) => policies?.restrictedWorkspace?.[p] !== null && policies?.restrictedWorkspace?.[p] !== undefined);
  if (set.length === 0) {
    return <p>No policy enforced.</p>;
  }
  return <ul>{set.map((p) => <li key={p}><code>{p}</code>: {String(policies.restrictedWorkspace[p])}</li>)}</ul>;
}

function AdminView({ tre, reload }: { tre: Json; reload: () => Promise<void> }) {
  // A moment picked in the timeline; a new object each time, so picking the same one again shows it again.
  const [picked, setPicked] = useState<{ at: number } | null>(null);
  const lifecycle = useAction();
  const act = (verb: string, done: string) => lifecycle.run(async () => {
    await call(`/${tre.id}/${verb}`, {});
    await reload();
  }, done);
  return (
    <>
      <Section title="State">
        <p>This TRE is <strong data-testid="tre-state">{tre.state}</strong>.</p>
        <div class="actions">
          {tre.state !== 'active' && (
            <button type="button" disabled={lifecycle.busy} onClick={() => act('activate', 'Activated.')}>Activate</button>
          )}
          {tre.state === 'active' && (
            <button type="button" disabled={lifecycle.busy} onClick={() => act('deactivate', 'Deactivated: the TRE is amending.')}>
              Deactivate
            </button>
          )}
        </div>
        <ActionResult action={lifecycle} />
        <Fields rows={[['Handle', tre.handle], ['Region', tre.region], ['Billed to', tre.billTo],
          ['Summary', <Value value={tre.summary} />], ['Public', tre.public ? 'yes' : 'no'],
          ['Robot user', <Value value={tre.robotUser} />], ['Working project', <Value value={tre.workingProject} />],
          ['Requests', <Value value={tre.applicationCounts && Object.entries(tre.applicationCounts).map(([s, n]) => `${s}: ${n}`)} />],
          ['Created', <Time ms={tre.created} />], ['Modified', <Time ms={tre.modified} />]]} />
      </Section>
      <Section title="Side-effect failures">
        {(tre.sideEffectFailures ?? []).length === 0 ? <p>None.</p> : (
          <ul data-testid="side-effect-failures">
            {tre.sideEffectFailures.map((f: Json, i: number) => (
              <li key={i}><strong>{f.effect}</strong>: {f.reason} (<Time ms={f.at} />)</li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Inventory versions">
        <InventoryTable versions={tre.inventoryDetails} />
      </Section>
      <Policies tre={tre} reload={reload} />
      <ReviewSteps tre={tre} reload={reload} />
      <Members tre={tre} reload={reload} title="TRE admins" noun="TRE admins" members={tre.treAdmins} add="addTreAdmins"
               remove="removeTreAdmins" kinds="user ids" placeholder="user-carol"
               about="TRE admins run the TRE; while it is active or amending they administer its inventory projects." />
      <Members tre={tre} reload={reload} title="Authorized users" noun="authorized users" members={tre.authorizedUsers}
               add="addAuthorizedUsers" remove="removeAuthorizedUsers" kinds="user ids, org ids or PUBLIC"
               placeholder="user-dora, org-partners"
               about="Authorized users may see the TRE and request its data. PUBLIC replaces every other entry." />
      <AsOf id={tre.id} picked={picked} />
      <Timeline id={tre.id} version={tre.modified} onPick={(at) => setPicked({ at })} />
    </>
  );
}

function InventoryTable({ versions }: { versions: Json[] }) {
  if (!versions || versions.length === 0) {
    return <p>No inventory set yet.</p>;
  }
  return (
    <Table caption="Inventory versions" head={['Version', 'State', 'Created', 'Activated', 'File', 'Dataset', 'Showcase']}>
      {versions.map((v) => (
        <tr key={v.version}>
          <td>{v.version}</td>
          <td><span class={`state state-${v.state}`}>{v.state}</span></td>
          <td><Time ms={v.created} /></td>
          <td><Time ms={v.activated} /></td>
          <td class="id">{v.file?.id ?? '—'}</td>
          <td class="id">{v.dataset?.id ?? '—'}</td>
          <td class="id">{v.showcase?.id ?? '—'}</td>
        </tr>
      ))}
    </Table>
  );
}

const policyChoice = (value: unknown) => (value === true ? 'true' : value === false ? 'false' : 'null');

function Policies({ tre, reload }: { tre: Json; reload: () => Promise<void> }) {
  const current = tre.policies?.restrictedWorkspace ?? {};
  const [choices, setChoices] = useState<Record<string, string>>(
    Object.fromEntries(POLICIES.map((p) => [p, policyChoice(current[p])])));
  const save = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    const restrictedWorkspace = Object.fromEntries(POLICIES.map((p) => [p, JSON.parse(choices[p])]));
    void save.run(async () => {
      await call(`/${tre.id}/setPolicies`, { restrictedWorkspace });
      await reload();
    }, 'Policies set.');
  };
  const sync = tre.policySync;
  return (
    <Section title="Policies">
      <form onSubmit={submit}>
        <div class="grid">
          {POLICIES.map((p) => (
            <div key={p} class="field">
              <label for={`policy-${p}`}>{p}</label>
              <select id={`policy-${p}`} value={choices[p]}
                      onChange={(e) => setChoices({ ...choices, [p]: (e.target as HTMLSelectElement).value })}>
                <option value="null">not enforced</option>
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            </div>
          ))}
        </div>
        <button type="submit" disabled={save.busy}>Set policies</button>
        <ActionResult action={save} />
      </form>
      <h3>Synchronization to the TRE's projects</h3>
      {sync?.state === 'syncing' ? (
        <div role="status" data-testid="policy-sync">
          <p>Synchronizing: {sync.pending} project{sync.pending === 1 ? '' : 's'} still to set.</p>
          <progress aria-label="Policy synchronization" />
        </div>
      ) : (
        <p role="status" data-testid="policy-sync">
          Idle: no synchronization is running. One that was given up is listed under side-effect failures.
        </p>
      )}
    </Section>
  );
}

/**
 * A list of principals kept by an add and a remove route of the TRE, each taking {"users": [...]}:
 * TRE admins and authorized users.
 */
function Members({ tre, reload, title, noun, members, add, remove, kinds, placeholder, about }: {
  tre: Json; reload: () => Promise<void>; title: string; noun: string; members: string[] | undefined; add: string; remove: string;
  kinds: string; placeholder: string; about: string;
}) {
  const [users, setUsers] = useState('');
  const change = useAction();
  const key = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const send = (verb: string, list: string[], done: string) => change.run(async () => {
    await call(`/${tre.id}/${verb}`, { users: list });
    if (verb === add) {
      setUsers('');
    }
    await reload();
  }, done);
  const submit = (event: Event) => {
    event.preventDefault();
    void send(add, lines(users), `Added to the ${noun}.`);
  };
  return (
    <Section title={title}>
      <p>{about}</p>
      {(members ?? []).length === 0 ? <p>None.</p> : (
        <ul class="members" data-testid={key}>
          {(members ?? []).map((m) => (
            <li key={m}>
              <code>{m}</code>
              <button type="button" class="secondary small" disabled={change.busy} aria-label={`Remove ${m} from the ${noun}`}
                      onClick={() => send(remove, [m], `Removed ${m}.`)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <TextField id={`${key}-add`} label={`${title} to add (${kinds}, separated by commas)`} value={users}
                   onValue={setUsers} placeholder={placeholder} />
        <button type="submit" disabled={change.busy}>Add {noun}</button>
        <ActionResult action={change} />
      </form>
    </Section>
  );
}

function ReviewSteps({ tre, reload }: { tre: Json; reload: () => Promise<void> }) {
  const steps: [string, Json][] = Object.entries(tre.applicationReviewSteps ?? {});
  const [step, setStep] = useState(steps[0]?.[0] ?? '');
  // A step removed, or the first one added, leaves the choice pointing at none: fall back to the first.
  const chosen = steps.some(([stepId]) => stepId === step) ? step : steps[0]?.[0] ?? '';
  const [users, setUsers] = useState('');
  const add = useAction();
  const change = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void add.run(async () => {
      await call(`/${tre.id}/addApplicationReviewers`, { reviewStepId: chosen, users: lines(users) });
      setUsers('');
      await reload();
    }, 'Reviewers added.');
  };
  const act = (verb: string, input: object, done: string) => change.run(async () => {
    await call(`/${tre.id}/${verb}`, input);
    await reload();
  }, done);
  return (
    <Section title="Review steps">
      <p>Steps are added and removed while the TRE is in draft; reviewers at any time.</p>
      {steps.length === 0 ? <p>No review step yet.</p> : (
        <Table caption="Review steps" head={['Step', 'Name', 'Description', 'Reviewers', '']}>
          {steps.map(([stepId, s]) => (
            <tr key={stepId} data-testid={`step-${stepId}`}>
              <td><code>{stepId}</code></td>
              <td>{s.name}</td>
              <td><Value value={s.description} /></td>
              <td data-testid={`reviewers-${stepId}`}>
                {(s.reviewers ?? []).length === 0 ? <span class="muted">none</span> : (
                  <ul class="members">
                    {s.reviewers.map((r: string) => (
                      <li key={r}>
                        <code>{r}</code>
                        <button type="button" class="secondary small" disabled={change.busy}
                                aria-label={`Remove reviewer ${r} from step ${stepId}`}
                                onClick={() => act('removeApplicationReviewers', { reviewStepId: stepId, users: [r] },
                                  `Removed ${r} from ${stepId}.`)}>
                          Remove
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <button type="button" class="danger small" disabled={change.busy} aria-label={`Remove review step ${stepId}`}
                        onClick={() => act('removeApplicationReviewStep', { reviewStepId: stepId }, `Removed step ${stepId}.`)}>
                  Remove step
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <div data-testid="review-step-changes"><ActionResult action={change} /></div>
      {steps.length > 0 && (
        <form onSubmit={submit}>
          <h3>Add reviewers</h3>
          <div class="field">
            <label for="reviewer-step">Review step</label>
            <select id="reviewer-step" value={chosen} onChange={(e) => setStep((e.target as HTMLSelectElement).value)}>
              {steps.map(([stepId, s]) => <option key={stepId} value={stepId}>{s.name} ({stepId})</option>)}
            </select>
          </div>
          <TextField id="reviewer-users" label="Reviewers (user ids, separated by commas)" value={users}
                     onValue={setUsers} placeholder="user-bob" />
          <button type="submit" disabled={add.busy}>Add reviewers</button>
          <ActionResult action={add} />
        </form>
      )}
      {steps.length > 0 && <EditReviewStep tre={tre} steps={steps} reload={reload} />}
      <NewReviewStep tre={tre} reload={reload} />
    </Section>
  );
}

/** A step's name and description, which the API lets admins change in any state. */
function EditReviewStep({ tre, steps, reload }: { tre: Json; steps: [string, Json][]; reload: () => Promise<void> }) {
  const [step, setStep] = useState(steps[0][0]);
  const chosen = steps.find(([stepId]) => stepId === step) ?? steps[0];
  // Here, not in the fields: they start again after a save, and what the save did must stay shown.
  const save = useAction();
  const send = (name: string, description: string) => save.run(async () => {
    await call(`/${tre.id}/updateApplicationReviewStep`, { reviewStepId: chosen[0], name, description });
    await reload();
  }, `Step ${chosen[0]} saved.`);
  return (
    <div data-testid="edit-review-step">
      <h3>Edit a review step</h3>
      <div class="field">
        <label for="edit-step">Review step</label>
        <select id="edit-step" value={chosen[0]} onChange={(e) => setStep((e.target as HTMLSelectElement).value)}>
          {steps.map(([stepId, s]) => <option key={stepId} value={stepId}>{s.name} ({stepId})</option>)}
        </select>
      </div>
      {/* Keyed by the step and the TRE's version, so the fields start from what the step holds now. */}
      <EditReviewStepFields key={`${chosen[0]}-${tre.modified}`} step={chosen[1]} busy={save.busy} onSave={send} />
      <ActionResult action={save} />
    </div>
  );
}

function EditReviewStepFields({ step, busy, onSave }: {
  step: Json; busy: boolean; onSave: (name: string, description: string) => void;
}) {
  const [name, setName] = useState(step.name ?? '');
  const [description, setDescription] = useState(step.description ?? '');
  const submit = (event: Event) => {
    event.preventDefault();
    onSave(name, description);
  };
  return (
    <form onSubmit={submit}>
      <TextField id="edit-step-name" label="Name" value={name} onValue={setName} />
      <TextArea id="edit-step-description" label="Description" value={description} onValue={setDescription}
                rows={2} />
      <button type="submit" disabled={busy}>Save review step</button>
    </form>
  );
}

function NewReviewStep({ tre, reload }: { tre: Json; reload: () => Promise<void> }) {
  const [stepId, setStepId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void create.run(async () => {
      await call(`/${tre.id}/addApplicationReviewStep`, { reviewStepId: stepId, name, description });
      setStepId('');
      setName('');
      setDescription('');
      await reload();
    }, 'Review step added.');
  };
  return (
    <form onSubmit={submit} data-testid="new-review-step">
      <h3>Add a review step</h3>
      <TextField id="step-id" label="Step id (lower-case letters and digits)" value={stepId} onValue={setStepId}
                 placeholder="ethics" />
      <TextField id="step-name" label="Name" value={name} onValue={setName} />
      <TextArea id="step-description" label="Description" value={description} onValue={setDescription} rows={2} />
      <button type="submit" disabled={create.busy}>Add review step</button>
      <ActionResult action={create} />
    </form>
  );
}

function AsOf({ id, picked }: { id: string; picked: { at: number } | null }) {
  const [moment, setMoment] = useState('');
  const [past, setPast] = useState<Json>(null);
  const show = useAction();
  const load = (at: number | null) => show.run(async () => {
    if (at === null) {
      throw new Error('Give a moment as 2026-12-01 12:00:00 (UTC) or in milliseconds since 1970');
    }
    setPast(null);
    setPast(await call(`/${id}/describe`, { at }));
  });
  useEffect(() => {
    if (picked) {
      setMoment(formatTime(picked.at).replace(' UTC', '') + `.${String(picked.at % 1000).padStart(3, '0')}`);
      void load(picked.at);
      document.getElementById('as-it-stood-at')?.scrollIntoView();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked]);
  const submit = (event: Event) => {
    event.preventDefault();
    void load(parseMoment(moment));
  };
  return (
    <Section title="As it stood at">
      <form onSubmit={submit}>
        <TextField id="as-of" label="Moment (UTC, e.g. 2026-12-01 12:00:00, or milliseconds since 1970)"
                   value={moment} onValue={setMoment} />
        <button type="submit" disabled={show.busy}>Show the TRE then</button>
        <ActionResult action={show} />
      </form>
      {past && (
        <div data-testid="as-of-result">
          <p>Then the TRE was <strong>{past.state}</strong>.</p>
          <Fields rows={[['Active inventory', <Value value={past.inventory} />],
            ['Inventory versions', <Value value={(past.inventoryDetails ?? []).map((v: Json) => `${v.version} (${v.state})`)} />],
            ['Policies', <PolicyList policies={past.policies} />],
            ['Review steps', <Value value={Object.entries(past.applicationReviewSteps ?? {}).map(
              ([step, s]: [string, Json]) => `${step}: ${s.reviewers.join(', ') || 'no reviewer'}`)} />],
            ['Authorized users', <Value value={past.authorizedUsers} />],
            ['TRE admins', <Value value={past.treAdmins} />]]} />
        </div>
      )}
      <p class="muted">Or pick an event in the timeline below: “As it stood then”.</p>
    </Section>
  );
}

/** The event types seen in the unfiltered history, for the filter; a filter then asks the API by type. */
/** Loaded again whenever the TRE changed (`version`, its modified time), so an action shows up in it. */
function Timeline({ id, version, onPick }: { id: string; version: number; onPick: (at: number) => void }) {
  const [type, setType] = useState('');
  const all = useLoad(() => callAll(`/${id}/history`, {}), [id, version]);
  const shown = useLoad(() => (type === '' ? Promise.resolve(null) : callAll(`/${id}/history`, { types: [type] })), [id, type, version]);
  const types = [...new Set((all.data ?? []).map((e: Json) => e.type))].sort();
  const events: Json[] = (type === '' ? all.data : shown.data) ?? [];
  return (
    <Section title="Audit timeline">
      <div class="field">
        <label for="event-type">Event type</label>
        <select id="event-type" value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
          <option value="">all events</option>
          {types.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </div>
      <Loading loaded={type === '' ? all : shown} label="the history" />
      <ol class="timeline" data-testid="timeline">
        {events.map((e) => (
          <li key={e.sequence}>
            <div class="when"><Time ms={e.timestamp} /> <span class="muted">#{e.sequence}</span></div>
            <div><strong class="event-type">{e.type}</strong> by <span class="event-user">{e.userId}</span></div>
            <div class="muted">request <span class="id">{e.requestId}</span></div>
            <details>
              <summary>What changed</summary>
              <pre>{JSON.stringify(e.data, null, 2)}</pre>
            </details>
            <button type="button" class="secondary" onClick={() => onPick(e.timestamp)}>As it stood then</button>
          </li>
        ))}
      </ol>
    </Section>
  );
}
