import { useId, useState } from 'react';
import { DataTable, QueryView, SelectField, type Column } from '../../../components/ui';
import { useListedSurveys, type ListedSurvey } from '../api/useSurveys';
import { ORGANISATION } from './surveyForm';
import './surveys.css';

const STATUS_LABEL: Record<ListedSurvey['status'], string> = { upcoming: 'Upcoming', open: 'Open', closed: 'Closed' };
const STATUS_BADGE: Record<ListedSurvey['status'], string> = {
  upcoming: 'badge badge--inactive',
  open: 'badge badge--active',
  closed: 'badge badge--inactive',
};

const columns: Column<ListedSurvey>[] = [
  { id: 'question', header: 'Question', rowHeader: true, cell: (s) => s.question, csv: (s) => s.question },
  { id: 'opensOn', header: 'Opens', cell: (s) => s.opensOn, csv: (s) => s.opensOn },
  { id: 'closesOn', header: 'Closes', cell: (s) => s.closesOn, csv: (s) => s.closesOn },
  {
    id: 'status',
    header: 'Status',
    cell: (s) => <span className={STATUS_BADGE[s.status]}>{STATUS_LABEL[s.status]}</span>,
    csv: (s) => STATUS_LABEL[s.status],
  },
];

interface Props {
  /**
   * The audiences an admin may look at (the organisation and each team); without them (a manager) the list is the
   * caller's own team.
   */
  teams?: readonly { id: string; name: string }[];
}

/** The surveys of one audience, newest first, with their status; admins pick the audience. */
export function SurveyList({ teams }: Props) {
  const headingId = useId();
  const [audience, setAudience] = useState(ORGANISATION);
  const teamId = teams && audience !== ORGANISATION ? audience : null;
  const surveys = useListedSurveys(teamId);
  const options = teams
    ? [{ value: ORGANISATION, label: 'Whole organisation' }, ...teams.map((t) => ({ value: t.id, label: `Team: ${t.name}` }))]
    : [];
  const team = teams?.find((t) => t.id === audience);
  const caption = !teams ? 'Surveys of your team' : team ? `Surveys of team ${team.name}` : 'Surveys of the whole organisation';

  return (
    <section className="panel survey-list" aria-labelledby={headingId}>
      <h2 id={headingId}>Surveys asked</h2>
      {teams && (
        <SelectField
          label="Show surveys of"
          name="listAudience"
          options={options}
          value={audience}
          onChange={(event) => {
            setAudience(event.target.value);
          }}
        />
      )}
      <QueryView query={surveys} loadingLabel="Loading surveys…">
        {(data) => (
          <DataTable
            caption={caption}
            columns={columns}
            rows={data}
            rowKey={(s) => s.id}
            exportName="surveys"
            empty="No survey has been asked of this audience yet."
          />
        )}
      </QueryView>
    </section>
  );
}
