import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { toApiProblem } from '../../../api/problem';
import { Alert, Button, EmptyState, ErrorState, LoadingState, QueryView, usePageTitle, useToast } from '../../../components/ui';
import { useRecentActivities } from '../../activities/api/useActivities';
import { describeActivity, formatDateTime } from '../../activities/components/activityText';
import { roleLabel, useMe, type Me } from '../../auth';
import { useCloseFollowUp, useOpenFollowUps, type FollowUp } from '../../follow-ups/api/useFollowUps';
import { useOpportunityNames } from '../../opportunities/api/useOpportunities';
import './my-day.css';

// Loaded on its own so the dashboard's metric code stays out of the first download.
const QuotaPanel = lazy(() => import('./QuotaPanel').then((m) => ({ default: m.QuotaPanel })));
// The planner and time log load on their own too: a rep plans a month far less often than they check follow-ups.
const PlannerPanel = lazy(() => import('../../planner/components/PlannerPanel').then((m) => ({ default: m.PlannerPanel })));
const TimeEntryForm = lazy(() => import('../../planner/components/TimeEntryForm').then((m) => ({ default: m.TimeEntryForm })));
const TimeEntriesPanel = lazy(() =>
  import('../../planner/components/TimeEntriesPanel').then((m) => ({ default: m.TimeEntriesPanel })),
);
const OpenSurveysPanel = lazy(() =>
  import('../../surveys/components/OpenSurveysPanel').then((m) => ({ default: m.OpenSurveysPanel })),
);

/** How far ahead "Coming up" looks, in days after today. */
const UPCOMING_DAYS = 7;

function startOfDay(offsetDays: number): Date {
  const date = new Date();
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() + offsetDays);
  return date;
}

export function MyDayPage() {
  usePageTitle('My day');
  const me = useMe();
  return (
    <section aria-labelledby="my-day-heading">
      <h1 id="my-day-heading">My day</h1>
      <QueryView query={me}>
        {(data) => (
          <>
            <Greeting me={data} />
            <Suspense fallback={null}>
              <OpenSurveysPanel />
            </Suspense>
            <div className="my-day">
              <FollowUpsPanel ownerId={data.id} />
              <RecentActivityPanel ownerId={data.id} />
              {data.role === 'rep' && (
                <Suspense fallback={<LoadingState label="Loading quota…" />}>
                  <QuotaPanel userId={data.id} />
                </Suspense>
              )}
            </div>
            {data.role === 'rep' && (
              <div className="my-day my-day--plan">
                <Suspense fallback={<LoadingState label="Loading planner…" />}>
                  <PlannerPanel />
                  <div className="my-day__stack">
                    <TimeEntryForm />
                    <TimeEntriesPanel ownerId={data.id} />
                  </div>
                </Suspense>
              </div>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function Greeting({ me }: { me: Me }) {
  return (
    <p>
      Signed in as <strong data-testid="display-name">{me.displayName}</strong> (
      <span data-testid="role">{roleLabel(me.role)}</span>). Press <kbd>L</kbd> anywhere to log a call.
    </p>
  );
}

function FollowUpsPanel({ ownerId }: { ownerId: string }) {
  const [bounds] = useState(() => ({
    tomorrow: startOfDay(1).toISOString(),
    until: startOfDay(UPCOMING_DAYS + 1).toISOString(),
  }));
  const followUps = useOpenFollowUps(ownerId, bounds.until);
  const close = useCloseFollowUp();
  const toast = useToast();
  const dealNames = useOpportunityNames((followUps.data ?? []).flatMap((f) => (f.opportunityId ? [f.opportunityId] : [])));

  function act(followUp: FollowUp, action: 'complete' | 'cancel') {
    close.mutate(
      { followUp, action },
      {
        onSuccess: () => {
          toast.show(action === 'complete' ? 'Follow-up completed.' : 'Follow-up cancelled.');
        },
      },
    );
  }

  const items = followUps.data ?? [];
  const groups = [
    { title: 'Overdue', items: items.filter((f) => f.isOverdue) },
    { title: 'Due today', items: items.filter((f) => !f.isOverdue && f.dueAt < bounds.tomorrow) },
    { title: 'Coming up', items: items.filter((f) => !f.isOverdue && f.dueAt >= bounds.tomorrow) },
  ];
  const problem = close.error ? toApiProblem(close.error) : null;

  return (
    <section className="panel" aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">Follow-ups</h2>
      {problem && (
        <Alert>{problem.status === 412 ? 'That follow-up changed meanwhile; the list was reloaded.' : (problem.detail ?? problem.title)}</Alert>
      )}
      {followUps.isPending ? (
        <LoadingState label="Loading follow-ups…" />
      ) : followUps.isError ? (
        <ErrorState error={followUps.error} onRetry={() => void followUps.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>Nothing due. Schedule the next touch from quick log.</EmptyState>
      ) : (
        groups
          .filter((group) => group.items.length > 0)
          .map((group) => (
            <div key={group.title}>
              <h3 className={group.title === 'Overdue' ? 'my-day__overdue' : undefined}>
                {group.title} ({group.items.length})
              </h3>
              <ul className="my-day__list">
                {group.items.map((followUp) => (
                  <li key={followUp.id} className="my-day__item" data-testid="follow-up">
                    <div>
                      <strong>{followUp.channel === 'call' ? 'Call' : followUp.channel === 'email' ? 'Email' : 'Meeting'}</strong>{' '}
                      due {formatDateTime(followUp.dueAt)}
                      {followUp.opportunityId && (
                        <>
                          {' '}
                          · <Link to={`/opportunities/${followUp.opportunityId}`}>{dealNames.get(followUp.opportunityId) ?? 'Opportunity'}</Link>
                        </>
                      )}
                      {followUp.leadId && <span className="muted"> · lead</span>}
                      {followUp.notes && <p className="muted my-day__notes">{followUp.notes}</p>}
                    </div>
                    <div className="my-day__actions">
                      <Button
                        variant="secondary"
                        className="button--small"
                        disabled={close.isPending}
                        onClick={() => {
                          act(followUp, 'complete');
                        }}
                      >
                        Complete<span className="visually-hidden"> follow-up due {formatDateTime(followUp.dueAt)}</span>
                      </Button>
                      <Button
                        variant="link"
                        disabled={close.isPending}
                        onClick={() => {
                          act(followUp, 'cancel');
                        }}
                      >
                        Cancel<span className="visually-hidden"> follow-up due {formatDateTime(followUp.dueAt)}</span>
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))
      )}
    </section>
  );
}

function RecentActivityPanel({ ownerId }: { ownerId: string }) {
  const activities = useRecentActivities(ownerId);
  const dealNames = useOpportunityNames((activities.data ?? []).flatMap((a) => (a.opportunityId ? [a.opportunityId] : [])));
  return (
    <section className="panel" aria-labelledby="recent-activity-heading">
      <h2 id="recent-activity-heading">Recent activity</h2>
      {activities.isPending ? (
        <LoadingState label="Loading activity…" />
      ) : activities.isError ? (
        <ErrorState error={activities.error} onRetry={() => void activities.refetch()} />
      ) : activities.data.length === 0 ? (
        <EmptyState>No activity yet. Press L to log your first call.</EmptyState>
      ) : (
        <ul className="my-day__list" data-testid="recent-activity">
          {activities.data.map((activity) => (
            <li key={activity.id} className="my-day__item">
              <div>
                <strong>{describeActivity(activity)}</strong>
                <span className="muted"> · {formatDateTime(activity.occurredAt)}</span>
                {activity.opportunityId && (
                  <>
                    {' '}
                    · <Link to={`/opportunities/${activity.opportunityId}`}>{dealNames.get(activity.opportunityId) ?? 'Opportunity'}</Link>
                  </>
                )}
                {(activity.notes ?? activity.body) && <p className="muted my-day__notes">{activity.notes ?? activity.body}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
