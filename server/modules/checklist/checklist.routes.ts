import {
  BranchChecklist,
  Checklist,
  ChecklistInput,
  ChecklistScoreInput,
  SelfAssessmentInput,
} from '../../../common/schemas/checklist';
import { Id, OrgYearParams } from '../../../common/schemas/common';
import { type App, actorOf, type Deps } from '../../http/types';
import {
  branchChecklist,
  getChecklist,
  saveChecklist,
  saveChecklistScore,
  saveSelfAssessment,
} from './checklist.service';

const ItemParams = OrgYearParams.extend({ itemId: Id });

export function checklistRoutes(app: App, { database: { db }, config, clock }: Deps) {
  const tags = ['checklist'];
  app.get(
    '/api/v1/orgs/:id/checklist/:year',
    { schema: { tags, params: OrgYearParams, response: { 200: Checklist } } },
    (request) => getChecklist(db, actorOf(request), request.params.id, request.params.year),
  );
  app.put(
    '/api/v1/orgs/:id/checklist/:year',
    { schema: { tags, params: OrgYearParams, body: ChecklistInput, response: { 200: Checklist } } },
    (request) => saveChecklist(db, actorOf(request), request.params.id, request.params.year, request.body),
  );
  app.get(
    '/api/v1/orgs/:id/checklist/:year/answers',
    { schema: { tags, params: OrgYearParams, response: { 200: BranchChecklist } } },
    (request) =>
      branchChecklist(db, config, actorOf(request), request.params.id, request.params.year, clock.now()),
  );
  app.put(
    '/api/v1/orgs/:id/checklist/:year/items/:itemId/self',
    { schema: { tags, params: ItemParams, body: SelfAssessmentInput, response: { 200: BranchChecklist } } },
    (request) => {
      const { id, year, itemId } = request.params;
      return saveSelfAssessment(db, config, actorOf(request), id, year, itemId, request.body, clock.now());
    },
  );
  app.put(
    '/api/v1/orgs/:id/checklist/:year/items/:itemId/score',
    { schema: { tags, params: ItemParams, body: ChecklistScoreInput, response: { 200: BranchChecklist } } },
    (request) => {
      const { id, year, itemId } = request.params;
      return saveChecklistScore(db, config, actorOf(request), id, year, itemId, request.body, clock.now());
    },
  );
}
