import { useRef, useState, type SubmitEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Tagged } from '../../../api/client';
import { api, unwrap } from '../../../api/client';
import { toApiProblem } from '../../../api/problem';
import {
  ConfirmDialog,
  DataTable,
  Dialog,
  DialogForm,
  ErrorState,
  FormAlert,
  Page,
  QueryView,
  RowAction,
  SelectField,
  SubmitButton,
  TextField,
  useToast,
  type Column,
} from '../../../components/ui';
import { SubmissionKeys } from '../../quick-log/api/useQuickLogSave';
import { useTeams } from '../../teams/api/useTeams';
import { leadScoringKeys } from '../api/leadScoringKeys';
import {
  useCreateScoringRule,
  useDeleteScoringRule,
  useScoringRules,
  useScoringSettings,
  useUpdateScoringRule,
  useUpdateScoringSettings,
  type ScoringRule,
  type ScoringSettings,
} from '../api/useLeadScoring';
import { signedPoints } from './bands';
import { ASSIGNMENTS, isAssignment, settingsBody, wholeNumber, type LeadAssignmentRule } from './settingsForm';

/** Admin → Lead scoring: the rules (event type → points) and the threshold with the assignment rule. */
export function LeadScoringAdminPage() {
  return (
    <Page title="Lead scoring">
      <SettingsPanel />
      <RulesPanel />
    </Page>
  );
}

function SettingsPanel() {
  const settings = useScoringSettings();
  return (
    <QueryView query={settings} loadingLabel="Loading settings…">
      {(tagged) => <SettingsForm key={tagged.data.version} settings={tagged} />}
    </QueryView>
  );
}

const SETTINGS_FIELDS = ['threshold', 'assignment', 'teamId', 'userId'] as const;

function SettingsForm({ settings: tagged }: { settings: Tagged<ScoringSettings> }) {
  const settings = tagged.data;
  const queryClient = useQueryClient();
  const update = useUpdateScoringSettings();
  const toast = useToast();
  const teams = useTeams();
  const people = useQuery({
    queryKey: [...leadScoringKeys.all, 'people'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200, isActive: true } } }))).items,
    staleTime: 60_000,
  });
  const [threshold, setThreshold] = useState(String(settings.threshold));
  const [assignment, setAssignment] = useState<LeadAssignmentRule>(settings.assignment);
  const [teamId, setTeamId] = useState(settings.teamId ?? '');
  const [userId, setUserId] = useState(settings.userId ?? '');
  const problem = update.error ? toApiProblem(update.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate(
      { etag: tagged.etag, body: settingsBody(threshold, assignment, teamId, userId) },
      { onSuccess: () => { toast.show('Lead scoring settings saved.'); } },
    );
  }

  return (
    <form className="panel form" onSubmit={handleSubmit} noValidate aria-labelledby="scoring-settings-heading">
      <h2 id="scoring-settings-heading">Qualification and assignment</h2>
      <FormAlert
        problem={problem}
        fields={SETTINGS_FIELDS}
        onReload={() => void queryClient.invalidateQueries({ queryKey: leadScoringKeys.settings() })}
      />
      <div className="form form--inline">
        <TextField
          label="Threshold"
          name="threshold"
          type="number"
          min={1}
          max={1000}
          step={1}
          hint="A lead whose score reaches this becomes sales-qualified (1–1000)"
          value={threshold}
          onChange={(event) => { setThreshold(event.target.value); }}
          problem={problem}
        />
        <SelectField
          label="Assign qualified leads"
          name="assignment"
          options={ASSIGNMENTS}
          value={assignment}
          onChange={(event) => {
            if (isAssignment(event.target.value)) setAssignment(event.target.value);
          }}
          problem={problem}
        />
        {assignment === 'round_robin' && (
          <SelectField
            label="Team"
            name="teamId"
            hint="Its active reps take turns"
            placeholder="Choose a team"
            options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={teamId}
            disabled={teams.isPending}
            onChange={(event) => { setTeamId(event.target.value); }}
            problem={problem}
          />
        )}
        {assignment === 'owner' && (
          <SelectField
            label="Owner"
            name="userId"
            placeholder="Choose a person"
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
            value={userId}
            disabled={people.isPending}
            onChange={(event) => { setUserId(event.target.value); }}
            problem={problem}
          />
        )}
      </div>
      {(teams.isError || people.isError) && <ErrorState error={teams.error ?? people.error} />}
      <p className="muted">Changes apply to events recorded from now on; scores already given stay as they are.</p>
      <div className="form__actions">
        <SubmitButton label="Save settings" pendingLabel="Saving…" pending={update.isPending} />
      </div>
    </form>
  );
}

function RulesPanel() {
  const rules = useScoringRules();
  const remove = useDeleteScoringRule();
  const toast = useToast();
  const [editing, setEditing] = useState<ScoringRule | null>(null);
  const [deleting, setDeleting] = useState<ScoringRule | null>(null);

  const columns: Column<ScoringRule>[] = [
    { id: 'type', header: 'Event type', rowHeader: true, cell: (r) => <span className="mono">{r.type}</span>, csv: (r) => r.type },
    { id: 'points', header: 'Points', cell: (r) => signedPoints(r.points), csv: (r) => r.points },
    {
      id: 'actions',
      header: 'Actions',
      cell: (r) => (
        <div className="table__actions">
          <RowAction label={`Edit points for ${r.type}`} onClick={() => { setEditing(r); }}>
            Edit points
          </RowAction>
          <RowAction label={`Delete ${r.type}`} onClick={() => { remove.reset(); setDeleting(r); }}>
            Delete
          </RowAction>
        </div>
      ),
    },
  ];

  return (
    <section className="panel" aria-labelledby="scoring-rules-heading">
      <h2 id="scoring-rules-heading">Rules</h2>
      <CreateRuleForm />
      <QueryView query={rules} loadingLabel="Loading rules…">
        {(rows) => (
          <DataTable caption="Scoring rules" columns={columns} rows={rows} rowKey={(r) => r.type} exportName="scoring-rules" empty="No rules yet: events cannot be scored." />
        )}
      </QueryView>
      {editing && <EditPointsDialog rule={editing} onClose={() => { setEditing(null); }} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete the rule for ${deleting.type}?`}
          confirmLabel="Delete rule"
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => { setDeleting(null); }}
          onConfirm={() => {
            remove.mutate(deleting.type, {
              onSuccess: () => {
                toast.show(`Rule for ${deleting.type} deleted.`);
                setDeleting(null);
              },
            });
          }}
        >
          New events of this type will be refused. Events already recorded keep their points.
        </ConfirmDialog>
      )}
    </section>
  );
}

const RULE_FIELDS = ['type', 'points'] as const;

function CreateRuleForm() {
  const create = useCreateScoringRule();
  const toast = useToast();
  const keys = useRef(new SubmissionKeys());
  const [formKey, setFormKey] = useState(0);
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const data = new FormData(event.currentTarget);
    const type = data.get('type');
    const points = data.get('points');
    const body = { type: typeof type === 'string' ? type.trim() : '', points: wholeNumber(typeof points === 'string' ? points : '') };
    create.mutate(
      { body, idempotencyKey: keys.current.keyFor(body) },
      {
        onSuccess: () => {
          keys.current.reset();
          toast.show(`Rule for ${body.type} added.`);
          setFormKey((k) => k + 1);
        },
      },
    );
  }

  return (
    <form key={formKey} className="form" onSubmit={handleSubmit} noValidate aria-label="Add a rule">
      <FormAlert problem={problem} fields={RULE_FIELDS} />
      <div className="form form--inline">
        <TextField label="Event type" name="type" hint="snake_case, e.g. webinar_attended" maxLength={50} required problem={problem} />
        <TextField label="Points" name="points" type="number" min={-100} max={100} step={1} hint="−100 to 100" required problem={problem} />
        <SubmitButton label="Add rule" pendingLabel="Adding…" pending={create.isPending} />
      </div>
    </form>
  );
}

function EditPointsDialog({ rule, onClose }: { rule: ScoringRule; onClose: () => void }) {
  const update = useUpdateScoringRule();
  const toast = useToast();
  const [points, setPoints] = useState(String(rule.points));
  const problem = update.error ? toApiProblem(update.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate(
      { rule, points: wholeNumber(points) },
      {
        onSuccess: () => {
          toast.show(`Points for ${rule.type} saved.`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={`Points for ${rule.type}`} onClose={onClose}>
      <DialogForm onSubmit={handleSubmit} onCancel={onClose} problem={problem} fields={['points']} submitLabel="Save points" pending={update.isPending}>
        <TextField
          label="Points"
          name="points"
          type="number"
          min={-100}
          max={100}
          step={1}
          value={points}
          onChange={(event) => { setPoints(event.target.value); }}
          problem={problem}
        />
      </DialogForm>
    </Dialog>
  );
}
