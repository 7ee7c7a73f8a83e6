import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/** Uploads one file through the API, as a user would, and returns the id of its row in the history. */
async function upload(token: string, name: string, content: string): Promise<string> {
  const form = new FormData();
  form.append('files', new File([content], name, { type: 'application/xml' }));
  const res = await ctx.app.request('/api/v1/imports', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await res.json()) as { results: Array<{ status: string; fileId: string }> };
  expect(body.results[0]!.status).toBe('rejected');
  return body.results[0]!.fileId;
}

const ids = (page: { body: { data: Array<{ id: string }> } }) => page.body.data.map((f) => f.id);

describe('the import history per region', () => {
  it('keeps a file without a municipality in its uploader’s region, and one without either for the keeper', async () => {
    const a = await buildRegion(ctx);
    const b = await buildRegion(ctx);
    const { token: cmA } = await buildUser(ctx, 'contractmanager', undefined, a.id);
    const { token: cmB } = await buildUser(ctx, 'contractmanager', undefined, b.id);
    const { token: keeper } = await buildUser(ctx, 'beheerder');
    // Not XML at all: no header, so no municipality says where these files belong.
    const ofA = await upload(cmA, 'kapot-a.xml', '<kapot>dit is geen bericht van A');
    const ofB = await upload(cmB, 'kapot-b.xml', '<kapot>dit is geen bericht van B');
    const ofKeeper = await upload(keeper, 'kapot-beheer.xml', '<kapot>dit is geen bericht van de beheerder');

    const quarantineA = await call(ctx, cmA, 'GET', '/imports?status=rejected&pageSize=100');
    expect(ids(quarantineA)).toEqual([ofA]);
    expect(quarantineA.body.page.totalElements).toBe(1);
    expect((await call(ctx, cmA, 'GET', `/imports/${ofA}`)).status).toBe(200);
    expect((await call(ctx, cmA, 'GET', `/imports/${ofB}`)).status).toBe(404);
    expect((await call(ctx, cmA, 'GET', `/imports/${ofKeeper}`)).status).toBe(404);
    const original = await ctx.app.request(`/api/v1/imports/${ofB}/original`, {
      headers: { Authorization: `Bearer ${cmA}` },
    });
    expect(original.status).toBe(404);
    expect(ids(await call(ctx, cmB, 'GET', '/imports?pageSize=100'))).toEqual([ofB]);

    const all = ids(await call(ctx, keeper, 'GET', '/imports?pageSize=100'));
    expect(all.sort()).toEqual([ofA, ofB, ofKeeper].sort());
  });
});
