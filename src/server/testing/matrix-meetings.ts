import { addAction } from '../modules/meetings/actions.service.js';
import { createTask } from '../modules/meetings/devtasks.service.js';
import { createMeeting, draftMinutes } from '../modules/meetings/meetings.service.js';
import type { TestContext } from './harness.js';
import type { OperationCase, Probe } from './matrix-operations.js';
import type { World } from './matrix-world.js';

let serial = 0;
let years = 0;
const next = () => (serial += 1);

/** A meeting of the side's region with one provider, in a day of its own; optionally with draft minutes open for comment. */
async function meetingOf(w: World, ctx: TestContext, side: World['a'], providerId: string, draft = false) {
  const n = next();
  const day = new Date(Date.UTC(2027, 0, 1) + n * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const db = ctx.database.db;
  const m = await createMeeting(db, w.admin, {
    regionId: side.region.id,
    type: 'accountgesprek',
    theme: null,
    title: `Matrixoverleg ${n}`,
    startsAt: `${day}T09:00:00+01:00`,
    endsAt: `${day}T10:00:00+01:00`,
    location: null,
    providerIds: [providerId],
    agenda: [],
    invitees: [],
  });
  if (draft) await draftMinutes(db, w.admin, m.id, { minutes: 'Conceptnotulen', commentDays: 7 });
  return m;
}

async function actionOf(w: World, ctx: TestContext, side: World['a'], providerId: string) {
  const m = await meetingOf(w, ctx, side, providerId);
  const a = await addAction(ctx.database.db, w.admin, m.id, {
    title: 'Matrixactie',
    ownerSide: 'provider',
    ownerProviderId: providerId,
    dueDate: '2027-06-30',
  });
  return a.id;
}

/** A development task of the side's region with one member provider (the default themes include Crisis). */
async function taskOf(w: World, ctx: TestContext, side: World['a'], providerId: string) {
  const task = await createTask(ctx.database.db, w.admin, {
    regionId: side.region.id,
    theme: 'Crisis',
    title: `Matrixopgave ${next()}`,
    goal: 'Minder crisisplaatsingen',
    measure: 'Aantal crisisplaatsingen per kwartaal',
    kpiId: null,
    regionMembers: [],
    providerIds: [providerId],
    milestones: [],
  });
  return task.id;
}
const taskBody = (side: World['a'], providerId: string) => ({
  regionId: side.region.id,
  theme: 'Crisis',
  title: 'Matrix: nieuwe opgave',
  goal: 'Doel',
  measure: 'Maat',
  providerIds: [providerId],
  milestones: [{ title: 'Plan', dueDate: '2027-06-30' }],
});

const meetingProbe =
  (which: 'own' | 'otherProvider' | 'otherRegion', make: (id: string) => Probe, draft = false) =>
  async (w: World, ctx: TestContext): Promise<Probe> => {
    const [side, provider] =
      which === 'otherRegion' ? [w.b, w.other.id] : [w.a, which === 'own' ? w.own.id : w.other.id];
    return make((await meetingOf(w, ctx, side, provider, draft)).id);
  };
const actionProbe =
  (which: 'own' | 'otherProvider' | 'otherRegion', make: (id: string) => Probe) =>
  async (w: World, ctx: TestContext): Promise<Probe> => {
    const [side, provider] =
      which === 'otherRegion' ? [w.b, w.other.id] : [w.a, which === 'own' ? w.own.id : w.other.id];
    return make(await actionOf(w, ctx, side, provider));
  };
const taskProbe =
  (which: 'own' | 'otherProvider' | 'otherRegion', make: (id: string) => Probe) =>
  async (w: World, ctx: TestContext): Promise<Probe> => {
    const [side, provider] =
      which === 'otherRegion' ? [w.b, w.other.id] : [w.a, which === 'own' ? w.own.id : w.other.id];
    return make(await taskOf(w, ctx, side, provider));
  };
/** Each case of an object asks about P's in region A, Q's in region A and Q's in region B. */
const objectCase = (
  permission: OperationCase['permission'],
  probe: typeof meetingProbe,
  make: (id: string) => Probe,
  extra: Partial<OperationCase> = {},
): OperationCase => ({
  permission,
  kind: 'object',
  own: probe('own', make),
  otherProvider: probe('otherProvider', make),
  otherRegion: probe('otherRegion', make),
  otherRegionOfQ: true,
  ...extra,
});
const region = (side: World['a'], extra: Record<string, string> = {}) => ({ region: side.region.code, ...extra });
const settings = { themes: ['Crisis', '18-/18+'], commentDays: 7, themeSessionsPerYear: 2 };
const meetingBody = (side: World['a'], providerId: string) => {
  const day = new Date(Date.UTC(2028, 0, 1) + next() * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return {
    regionId: side.region.id,
    type: 'accountgesprek',
    title: 'Matrix: nieuw overleg',
    startsAt: `${day}T09:00:00+01:00`,
    endsAt: `${day}T10:00:00+01:00`,
    providerIds: [providerId],
  };
};
/** Each acceptance plans the spring overlegtafel of a year no other probe used. */
const acceptBody = (side: World['a']) => {
  const year = 2040 + (years += 1);
  return { regionId: side.region.id, year, keys: [`overleg:${year}:voorjaar`] };
};

/**
 * How the permission matrix asks the meetings module: meetings and their minutes, comments, actions, the year planner
 * and the settings. An aanbieder reaches only meetings and actions of its own provider; comments are its alone.
 */
export const meetingsOperations: Record<string, OperationCase> = {
  'GET /meetings': {
    permission: 'meetings.read',
    kind: 'list',
    own: (w) => ({ path: '/meetings', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/meetings', query: region(w.b) }),
  },
  'POST /meetings': {
    permission: 'meetings.edit',
    kind: 'create',
    own: (w) => ({ path: '/meetings', body: meetingBody(w.a, w.own.id) }),
    otherRegion: (w) => ({ path: '/meetings', body: meetingBody(w.b, w.other.id) }),
  },
  'GET /meetings/{id}': objectCase('meetings.read', meetingProbe, (id) => ({ path: `/meetings/${id}` })),
  'PATCH /meetings/{id}': objectCase('meetings.edit', meetingProbe, (id) => ({
    path: `/meetings/${id}`,
    body: { status: 'held', decisions: ['Matrixbesluit'] },
  })),
  'PUT /meetings/{id}/minutes': objectCase('meetings.edit', meetingProbe, (id) => ({
    path: `/meetings/${id}/minutes`,
    body: { minutes: 'Matrixnotulen' },
  })),
  'POST /meetings/{id}/minutes/finalisation': {
    permission: 'meetings.edit',
    kind: 'object',
    own: meetingProbe('own', (id) => ({ path: `/meetings/${id}/minutes/finalisation` }), true),
    otherProvider: meetingProbe('otherProvider', (id) => ({ path: `/meetings/${id}/minutes/finalisation` }), true),
    otherRegion: meetingProbe('otherRegion', (id) => ({ path: `/meetings/${id}/minutes/finalisation` }), true),
    otherRegionOfQ: true,
  },
  'POST /meetings/{id}/comments': {
    permission: 'meetings.comment',
    kind: 'object',
    own: meetingProbe('own', (id) => ({ path: `/meetings/${id}/comments`, body: { text: 'Matrixreactie' } }), true),
    otherProvider: meetingProbe(
      'otherProvider',
      (id) => ({ path: `/meetings/${id}/comments`, body: { text: 'Matrixreactie' } }),
      true,
    ),
    otherRegion: meetingProbe(
      'otherRegion',
      (id) => ({ path: `/meetings/${id}/comments`, body: { text: 'Matrixreactie' } }),
      true,
    ),
    otherRegionOfQ: true,
  },
  'POST /meetings/{id}/actions': objectCase('meetings.edit', meetingProbe, (id) => ({
    path: `/meetings/${id}/actions`,
    body: { title: 'Matrixactie', ownerSide: 'region', dueDate: '2027-12-31' },
  })),
  'GET /meetings/{id}/invitation': objectCase('meetings.read', meetingProbe, (id) => ({
    path: `/meetings/${id}/invitation`,
  })),
  'GET /meeting-settings': {
    permission: 'meetings.read',
    kind: 'list',
    own: (w) => ({ path: '/meeting-settings', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/meeting-settings', query: region(w.b) }),
  },
  'PUT /meeting-settings': {
    permission: 'meetings.edit',
    kind: 'create',
    own: (w) => ({ path: '/meeting-settings', query: region(w.a), body: settings }),
    otherRegion: (w) => ({ path: '/meeting-settings', query: region(w.b), body: settings }),
  },
  'GET /meeting-planner': {
    permission: 'meetingPlanner.read',
    kind: 'list',
    own: (w) => ({ path: '/meeting-planner', query: region(w.a, { year: '2027' }) }),
    otherRegion: (w) => ({ path: '/meeting-planner', query: region(w.b, { year: '2027' }) }),
  },
  'POST /meeting-planner/accepted-proposals': {
    permission: 'meetings.edit',
    kind: 'create',
    own: (w) => ({ path: '/meeting-planner/accepted-proposals', body: acceptBody(w.a) }),
    otherRegion: (w) => ({ path: '/meeting-planner/accepted-proposals', body: acceptBody(w.b) }),
  },
  'GET /meeting-planner/invitations': {
    permission: 'meetingPlanner.read',
    kind: 'list',
    own: (w) => ({ path: '/meeting-planner/invitations', query: region(w.a, { year: '2027' }) }),
    otherRegion: (w) => ({ path: '/meeting-planner/invitations', query: region(w.b, { year: '2027' }) }),
  },
  'GET /meeting-actions': {
    permission: 'meetings.read',
    kind: 'list',
    own: (w) => ({ path: '/meeting-actions', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/meeting-actions', query: region(w.b) }),
  },
  'PATCH /meeting-actions/{id}': objectCase('meetings.edit', actionProbe, (id) => ({
    path: `/meeting-actions/${id}`,
    body: { dueDate: '2027-09-30' },
  })),
  'POST /meeting-actions/{id}/completion': objectCase('meetingActions.close', actionProbe, (id) => ({
    path: `/meeting-actions/${id}/completion`,
    body: { note: 'Matrix: gedaan' },
  })),
  'GET /development-tasks': {
    permission: 'developmentTasks.read',
    kind: 'list',
    own: (w) => ({ path: '/development-tasks', query: region(w.a) }),
    otherRegion: (w) => ({ path: '/development-tasks', query: region(w.b) }),
  },
  'POST /development-tasks': {
    permission: 'developmentTasks.edit',
    kind: 'create',
    own: (w) => ({ path: '/development-tasks', body: taskBody(w.a, w.own.id) }),
    otherRegion: (w) => ({ path: '/development-tasks', body: taskBody(w.b, w.other.id) }),
  },
  // A provider that is not a member of a task is refused it (403), and never reads anything of it.
  'GET /development-tasks/{id}': objectCase('developmentTasks.read', taskProbe, (id) => ({
    path: `/development-tasks/${id}`,
  })),
  'PATCH /development-tasks/{id}': objectCase('developmentTasks.edit', taskProbe, (id) => ({
    path: `/development-tasks/${id}`,
    body: { status: 'active', milestones: [{ title: 'Matrixmijlpaal', dueDate: '2027-09-30' }] },
  })),
  'POST /development-tasks/{id}/notes': objectCase('developmentTasks.note', taskProbe, (id) => ({
    path: `/development-tasks/${id}/notes`,
    body: { text: 'Matrix: voortgang' },
  })),
};
