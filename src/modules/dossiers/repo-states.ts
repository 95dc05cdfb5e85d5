// The labels of the workflows' states, read through the back office's view workflow_state_labels (migrations/0017).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';

interface WorkflowStateLabelsView {
  workflow_code: string;
  state: string;
  label_vi: string;
  label_en: string;
  position: number;
}

export interface StateLabelRow {
  workflowCode: string;
  state: string;
  vi: string;
  en: string;
}

export const stateLabelRepo = {
  async all(db: Kysely<PlatformTables>): Promise<StateLabelRow[]> {
    const rows = await db
      .withTables<{ workflow_state_labels: WorkflowStateLabelsView }>()
      .selectFrom('workflow_state_labels')
      .select(['workflow_code', 'state', 'label_vi', 'label_en'])
      .orderBy('workflow_code')
      .orderBy('position')
      .execute();
    return rows.map((r) => ({ workflowCode: r.workflow_code, state: r.state, vi: r.label_vi, en: r.label_en }));
  },
};
