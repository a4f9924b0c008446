import { useRef, useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import {
  Button,
  DataTable,
  Dialog,
  ErrorState,
  FormAlert,
  LoadingState,
  QueryView,
  RowAction,
  SelectField,
  TextField,
  useToast,
  type Column,
} from '../../../components/ui';
import type { Me } from '../../auth';
import { formatRatio } from '../../dashboard/format';
import { SubmissionKeys } from '../../quick-log/api/useQuickLogSave';
import {
  useCertifications,
  useExpiring,
  useReadiness,
  useRecordAssessment,
  type ExpiringCertification,
  type RepReadiness,
} from '../api/usePeople';

const ASSESSMENT_FIELDS = ['certificationId', 'score', 'passed', 'assessedOn'];

function today(): string {
  const now = new Date();
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function RecordAssessmentDialog({ rep, onClose }: { rep: { userId: string; displayName: string }; onClose: () => void }) {
  const certifications = useCertifications();
  const record = useRecordAssessment();
  const toast = useToast();
  const keys = useRef(new SubmissionKeys());
  const problem = record.error ? toApiProblem(record.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const score = text('score');
    const body = {
      certificationId: text('certificationId') || null,
      score: score === '' ? Number.NaN : Number(score),
      passed: form.get('passed') === 'on',
      assessedOn: text('assessedOn'),
    };
    record.mutate(
      { userId: rep.userId, body, idempotencyKey: keys.current.keyFor(body) },
      {
        onSuccess: () => {
          toast.show(`Assessment recorded for ${rep.displayName}.`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={`Record an assessment for ${rep.displayName}`} onClose={onClose}>
      <QueryView query={certifications} loadingLabel="Loading certifications…">
        {(data) => (
          <form className="form" onSubmit={handleSubmit} noValidate aria-busy={record.isPending}>
            <FormAlert problem={problem} fields={ASSESSMENT_FIELDS} />
            <SelectField
              label="Certification"
              name="certificationId"
              placeholder="Choose a certification"
              options={data.map((c) => ({ value: c.id, label: c.name }))}
              problem={problem}
              required
            />
            <TextField label="Score (0–100)" name="score" type="number" min={0} max={100} step={1} required problem={problem} />
            <div className="checkbox">
              <input type="checkbox" id="assessment-passed" name="passed" />
              <label htmlFor="assessment-passed">Passed</label>
            </div>
            {problem && problem.errorsFor('passed').length > 0 && (
              <ul className="field__errors">
                {problem.errorsFor('passed').map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
            <TextField label="Date" name="assessedOn" type="date" defaultValue={today()} required problem={problem} />
            <div className="form__actions">
              <Button variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={record.isPending}>
                {record.isPending ? 'Saving…' : 'Record assessment'}
              </Button>
            </div>
          </form>
        )}
      </QueryView>
    </Dialog>
  );
}

export function ReadinessSection({ teamId, me }: { teamId: string; me: Me }) {
  const readiness = useReadiness(teamId);
  const expiring = useExpiring(teamId);
  const [assessing, setAssessing] = useState<RepReadiness | null>(null);
  // A manager records for the reps of their team (never themself); admins for anyone.
  const canRecord = (rep: RepReadiness) =>
    rep.userId !== me.id && (me.role === 'admin' || (me.role === 'manager' && rep.teamId === me.teamId));

  if (readiness.isPending) return <LoadingState label="Loading readiness…" />;
  if (readiness.isError) return <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />;
  const report = readiness.data;
  const summary = report.summary;

  const columns: Column<RepReadiness>[] = [
    { id: 'rep', header: 'Rep', rowHeader: true, cell: (r) => r.displayName, csv: (r) => r.displayName },
    {
      id: 'held',
      header: 'Required held',
      cell: (r) => `${String(r.requiredHeld)} of ${String(r.requiredTotal)}`,
      csv: (r) => `${String(r.requiredHeld)}/${String(r.requiredTotal)}`,
    },
    {
      id: 'missing',
      header: 'Missing',
      cell: (r) =>
        r.missing.length === 0
          ? '—'
          : r.missing.map((m) => (m.expiredOn ? `${m.name} (expired ${m.expiredOn})` : m.name)).join(', '),
      csv: (r) => r.missing.map((m) => m.name).join('; '),
    },
    {
      id: 'latest',
      header: 'Latest assessment',
      cell: (r) =>
        r.latestAssessment
          ? `${r.latestAssessment.name}: ${String(r.latestAssessment.score)} (${r.latestAssessment.passed ? 'passed' : 'failed'}), ${r.latestAssessment.assessedOn}`
          : '—',
      csv: (r) => (r.latestAssessment ? `${r.latestAssessment.name} ${String(r.latestAssessment.score)} ${r.latestAssessment.assessedOn}` : ''),
    },
    {
      id: 'ready',
      header: 'Ready',
      cell: (r) => <span className={r.ready ? 'badge badge--active' : 'badge badge--inactive'}>{r.ready ? 'Ready' : 'Not ready'}</span>,
      csv: (r) => (r.ready ? 'ready' : 'not ready'),
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: (r) =>
        canRecord(r) ? (
          <RowAction
            label={`Record an assessment for ${r.displayName}`}
            onClick={() => {
              setAssessing(r);
            }}
          >
            Record assessment
          </RowAction>
        ) : null,
    },
  ];

  const expiringColumns: Column<ExpiringCertification>[] = [
    { id: 'rep', header: 'Rep', rowHeader: true, cell: (e) => e.displayName, csv: (e) => e.displayName },
    { id: 'name', header: 'Certification', cell: (e) => e.name, csv: (e) => e.name },
    { id: 'expires', header: 'Expires on', cell: (e) => e.expiresOn, csv: (e) => e.expiresOn },
    { id: 'days', header: 'Days left', cell: (e) => e.daysLeft, csv: (e) => e.daysLeft },
  ];

  return (
    <>
      <ul className="figure-list people-figures" aria-label="Readiness figures">
        <li className="people-figure">
          <span className="people-figure__label">Share certified</span>
          <span className="people-figure__value" data-testid="share-certified">
            {formatRatio(summary.shareCertified)}
          </span>
          <span className="muted">
            {summary.repsCertified} of {summary.reps} reps ready
          </span>
        </li>
        <li className="people-figure">
          <span className="people-figure__label">Required certifications</span>
          <span className="people-figure__value">{report.requiredCertifications}</span>
          <span className="muted">as of {report.asOf}</span>
        </li>
      </ul>
      <DataTable
        caption="Readiness per rep"
        columns={columns}
        rows={report.reps}
        rowKey={(r) => r.userId}
        exportName="readiness"
        empty="No reps in this team."
      />
      <h2 className="people-subheading">Expiring in the next 30 days</h2>
      <QueryView query={expiring} loadingLabel="Loading expiring certifications…">
        {(data) => (
          <DataTable
            caption="Certifications expiring in the next 30 days"
            columns={expiringColumns}
            rows={data.certifications}
            rowKey={(e) => `${e.userId}-${e.certificationId}`}
            exportName="expiring-certifications"
            empty="No certification expires in the next 30 days."
          />
        )}
      </QueryView>
      {assessing && (
        <RecordAssessmentDialog
          rep={assessing}
          onClose={() => {
            setAssessing(null);
          }}
        />
      )}
    </>
  );
}
