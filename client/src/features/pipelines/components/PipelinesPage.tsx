import { useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import {
  ConfirmDialog,
  DataTable,
  Dialog,
  DialogForm,
  FormPanel,
  Page,
  QueryView,
  RowAction,
  TextField,
  useToast,
  type Column,
} from '../../../components/ui';
import {
  moveStage,
  stagesInOrder,
  useAddStage,
  useArchiveStage,
  useCreatePipeline,
  useRenamePipeline,
  useReorderStages,
  useSetDefaultPipeline,
  useUpdateStage,
} from '../api/usePipelineAdmin';
import { usePipelines, type Pipeline, type Stage } from '../api/usePipelines';
import './pipelines.css';

const KIND_LABELS: Record<Stage['kind'], string> = { open: 'Open', won: 'Won', lost: 'Lost' };

function str(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A required whole number: empty or not a number is sent as NaN (null in JSON), so the API names the field. */
function wholeNumber(value: string): number {
  return value === '' ? Number.NaN : Number(value);
}

function optionalNumber(value: string): number | null {
  return value === '' ? null : Number(value);
}

function CreatePipelineForm({ onCreated }: { onCreated: (pipeline: Pipeline) => void }) {
  const create = useCreatePipeline();
  const toast = useToast();
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = str(data, 'name');
    create.mutate(
      { name, stages: [{ name: str(data, 'firstStage'), probability: wholeNumber(str(data, 'firstProbability')) }] },
      {
        onSuccess: (pipeline) => {
          toast.show(`Pipeline “${pipeline.name}” created.`);
          form.reset();
          onCreated(pipeline);
        },
      },
    );
  }

  return (
    <FormPanel
      title="New pipeline"
      intro={<p className="muted">Starts with one open stage; Won and Lost stages are added for you. Add more stages afterwards.</p>}
      onSubmit={handleSubmit}
      problem={problem}
      fields={['name']}
      submitLabel="Create pipeline"
      pendingLabel="Creating…"
      pending={create.isPending}
    >
      <TextField label="Pipeline name" name="name" required maxLength={200} problem={problem} />
      <TextField label="First stage" name="firstStage" required defaultValue="Qualification" maxLength={200} />
      <TextField label="First stage probability (%)" name="firstProbability" type="number" min={0} max={100} defaultValue="10" required />
    </FormPanel>
  );
}

function RenamePipelineDialog({ pipeline, onClose }: { pipeline: Pipeline; onClose: () => void }) {
  const rename = useRenamePipeline();
  const toast = useToast();
  const [name, setName] = useState(pipeline.name);
  const problem = rename.error ? toApiProblem(rename.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate(
      { pipeline, name: name.trim() },
      {
        onSuccess: (saved) => {
          toast.show(`Pipeline renamed to “${saved.name}”.`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title="Rename pipeline" onClose={onClose}>
      <DialogForm onSubmit={handleSubmit} onCancel={onClose} problem={problem} fields={['name']} submitLabel="Save" pending={rename.isPending}>
        <TextField
          label="Pipeline name"
          name="name"
          value={name}
          maxLength={200}
          onChange={(event) => {
            setName(event.target.value);
          }}
          problem={problem}
        />
      </DialogForm>
    </Dialog>
  );
}

const STAGE_FIELDS = ['name', 'probability', 'staleAfterDays', 'position'] as const;

function AddStageForm({ pipeline }: { pipeline: Pipeline }) {
  const add = useAddStage();
  const toast = useToast();
  const problem = add.error ? toApiProblem(add.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    add.mutate(
      {
        pipelineId: pipeline.id,
        body: {
          name: str(data, 'name'),
          probability: wholeNumber(str(data, 'probability')),
          staleAfterDays: optionalNumber(str(data, 'staleAfterDays')),
        },
      },
      {
        onSuccess: (stage) => {
          toast.show(`Stage “${stage.name}” added.`);
          form.reset();
        },
      },
    );
  }

  return (
    <FormPanel
      title={`Add a stage to ${pipeline.name}`}
      headingLevel={3}
      onSubmit={handleSubmit}
      problem={problem}
      fields={STAGE_FIELDS}
      submitLabel="Add stage"
      pendingLabel="Adding…"
      pending={add.isPending}
    >
      <TextField label="Stage name" name="name" required maxLength={200} problem={problem} />
      <TextField label="Probability (%)" name="probability" type="number" min={0} max={100} required problem={problem} />
      <TextField label="Stale after (days)" name="staleAfterDays" type="number" min={1} max={3650} hint="Optional" problem={problem} />
    </FormPanel>
  );
}

function EditStageDialog({ stage, onClose }: { stage: Stage; onClose: () => void }) {
  const update = useUpdateStage();
  const toast = useToast();
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(String(stage.probability));
  const [staleAfterDays, setStaleAfterDays] = useState(stage.staleAfterDays === null ? '' : String(stage.staleAfterDays));
  const problem = update.error ? toApiProblem(update.error) : null;
  const fixed = stage.kind !== 'open';

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(
      {
        stage,
        body: {
          name: name.trim(),
          position: stage.position,
          probability: wholeNumber(probability.trim()),
          staleAfterDays: optionalNumber(staleAfterDays.trim()),
        },
      },
      {
        onSuccess: (saved) => {
          toast.show(`Stage “${saved.name}” saved.`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={`Edit stage ${stage.name}`} onClose={onClose}>
      <DialogForm
        onSubmit={handleSubmit}
        onCancel={onClose}
        problem={problem}
        fields={STAGE_FIELDS}
        submitLabel="Save stage"
        pending={update.isPending}
      >
        <TextField
          label="Stage name"
          name="name"
          value={name}
          maxLength={200}
          onChange={(event) => {
            setName(event.target.value);
          }}
          problem={problem}
        />
        <TextField
          label="Probability (%)"
          name="probability"
          type="number"
          min={0}
          max={100}
          value={probability}
          readOnly={fixed}
          hint={fixed ? `A ${KIND_LABELS[stage.kind]} stage's probability is fixed.` : undefined}
          onChange={(event) => {
            setProbability(event.target.value);
          }}
          problem={problem}
        />
        <TextField
          label="Stale after (days)"
          name="staleAfterDays"
          type="number"
          min={1}
          max={3650}
          value={staleAfterDays}
          hint="Empty for no limit"
          onChange={(event) => {
            setStaleAfterDays(event.target.value);
          }}
          problem={problem}
        />
        <p className="muted">Kind: {KIND_LABELS[stage.kind]} (set when the stage is created).</p>
      </DialogForm>
    </Dialog>
  );
}

function StagesPanel({ pipeline }: { pipeline: Pipeline }) {
  const reorder = useReorderStages();
  const archive = useArchiveStage();
  const toast = useToast();
  const [editing, setEditing] = useState<Stage | null>(null);
  const [archiving, setArchiving] = useState<Stage | null>(null);
  const stages = stagesInOrder(pipeline);

  function move(index: number, by: -1 | 1) {
    const stage = stages[index];
    reorder.mutate(
      { pipeline, stageIds: moveStage(stages, index, by) },
      {
        onSuccess: () => {
          toast.show(`Stage “${stage?.name ?? ''}” moved ${by < 0 ? 'up' : 'down'}.`);
        },
        onError: (error) => {
          const problem = toApiProblem(error);
          toast.show(
            problem.status === 412
              ? 'Someone else changed these stages; the list has been reloaded. Try again.'
              : (problem.detail ?? problem.title),
            'error',
          );
        },
      },
    );
  }

  const columns: Column<Stage>[] = [
    { id: 'position', header: 'Order', cell: (s) => s.position, csv: (s) => s.position },
    { id: 'name', header: 'Stage', rowHeader: true, cell: (s) => s.name, csv: (s) => s.name },
    { id: 'kind', header: 'Kind', cell: (s) => KIND_LABELS[s.kind], csv: (s) => s.kind },
    { id: 'probability', header: 'Probability', cell: (s) => `${String(s.probability)}%`, csv: (s) => s.probability },
    {
      id: 'stale',
      header: 'Stale after',
      cell: (s) => (s.staleAfterDays === null ? 'No limit' : `${String(s.staleAfterDays)} days`),
      csv: (s) => s.staleAfterDays,
    },
    { id: 'status', header: 'Status', cell: (s) => (s.archivedAt ? 'Archived' : 'Live'), csv: (s) => (s.archivedAt ? 'archived' : 'live') },
    {
      id: 'actions',
      header: 'Actions',
      cell: (s) => {
        const index = stages.indexOf(s);
        return (
          <div className="row-actions">
            <RowAction
              label={`Move ${s.name} up`}
              disabled={index === 0 || reorder.isPending}
              onClick={() => {
                move(index, -1);
              }}
            >
              Up
            </RowAction>
            <RowAction
              label={`Move ${s.name} down`}
              disabled={index === stages.length - 1 || reorder.isPending}
              onClick={() => {
                move(index, 1);
              }}
            >
              Down
            </RowAction>
            <RowAction
              label={`Edit ${s.name}`}
              onClick={() => {
                setEditing(s);
              }}
            >
              Edit
            </RowAction>
            {s.kind === 'open' && !s.archivedAt && (
              <RowAction
                variant="danger"
                label={`Archive ${s.name}`}
                onClick={() => {
                  archive.reset();
                  setArchiving(s);
                }}
              >
                Archive
              </RowAction>
            )}
          </div>
        );
      },
    },
  ];

  return (
    <section className="panel" aria-labelledby="stages-heading">
      <h2 id="stages-heading">Stages of {pipeline.name}</h2>
      <DataTable
        caption={`Stages of ${pipeline.name}`}
        columns={columns}
        rows={stages}
        rowKey={(s) => s.id}
        exportName="stages"
        empty="No stages."
      />
      <AddStageForm pipeline={pipeline} />
      {editing && (
        <EditStageDialog
          key={`${editing.id}-${String(editing.version)}`}
          stage={editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
      {archiving && (
        <ConfirmDialog
          title={`Archive ${archiving.name}?`}
          confirmLabel="Archive stage"
          pending={archive.isPending}
          error={archive.error}
          onCancel={() => {
            setArchiving(null);
          }}
          onConfirm={() => {
            archive.mutate(archiving, {
              onSuccess: (stage) => {
                toast.show(`Stage “${stage.name}” archived.`);
                setArchiving(null);
              },
            });
          }}
        >
          <p>Deals already in this stage stay there until moved; no deal can enter it any more.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** Admin → Pipelines & stages: pipelines, the default one, and each pipeline's stages. */
export function PipelinesPage() {
  const pipelines = usePipelines();
  const setDefault = useSetDefaultPipeline();
  const toast = useToast();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Pipeline | null>(null);
  const list = pipelines.data ?? [];
  const selected = list.find((p) => p.id === selectedId) ?? list.find((p) => p.isDefault) ?? list[0] ?? null;

  const columns: Column<Pipeline>[] = [
    { id: 'name', header: 'Pipeline', rowHeader: true, cell: (p) => p.name, csv: (p) => p.name },
    { id: 'default', header: 'Default', cell: (p) => (p.isDefault ? 'Default' : ''), csv: (p) => (p.isDefault ? 'yes' : 'no') },
    {
      id: 'stages',
      header: 'Live stages',
      cell: (p) => p.stages.filter((s) => !s.archivedAt).length,
      csv: (p) => p.stages.filter((s) => !s.archivedAt).length,
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: (p) => (
        <div className="row-actions">
          <RowAction
            label={`Show stages of ${p.name}`}
            aria-pressed={selected?.id === p.id}
            onClick={() => {
              setSelectedId(p.id);
            }}
          >
            Stages
          </RowAction>
          <RowAction
            label={`Rename ${p.name}`}
            onClick={() => {
              setRenaming(p);
            }}
          >
            Rename
          </RowAction>
          {!p.isDefault && (
            <RowAction
              label={`Make ${p.name} the default`}
              disabled={setDefault.isPending}
              onClick={() => {
                setDefault.mutate(p, {
                  onSuccess: () => {
                    toast.show(`“${p.name}” is now the default pipeline.`);
                  },
                  onError: (error) => {
                    const problem = toApiProblem(error);
                    toast.show(problem.detail ?? problem.title, 'error');
                  },
                });
              }}
            >
              Make default
            </RowAction>
          )}
        </div>
      ),
    },
  ];

  return (
    <Page title="Pipelines & stages">
      <CreatePipelineForm
        onCreated={(pipeline) => {
          setSelectedId(pipeline.id);
        }}
      />
      <QueryView query={pipelines} loadingLabel="Loading pipelines…">
        {(rows) => (
          <>
            <DataTable caption="Pipelines" columns={columns} rows={rows} rowKey={(p) => p.id} exportName="pipelines" empty="No pipelines yet." />
            {selected && <StagesPanel key={selected.id} pipeline={selected} />}
          </>
        )}
      </QueryView>
      {renaming && (
        <RenamePipelineDialog
          key={`${renaming.id}-${String(renaming.version)}`}
          pipeline={renaming}
          onClose={() => {
            setRenaming(null);
          }}
        />
      )}
    </Page>
  );
}
