import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQuestionnaires, type ExperienceQuestion } from '../../../shared/experience.js';
import { buildRegion } from '../../testing/factories.js';
import { buildUser, call, createTestContext, type TestContext } from '../../testing/harness.js';
import { questionsProblems } from './questionnaires.service.js';

const defaults = defaultQuestionnaires.ouder;
const statement = (key: string, nl: string): ExperienceQuestion => ({
  key,
  kind: 'smiley',
  theme: 'kwaliteit',
  text: { nl, en: 'A statement.' },
});
const names = (questions: ExperienceQuestion[], earlier: ExperienceQuestion[] = []) =>
  questionsProblems(questions, earlier).map((p) => p.name);

describe('the rules a new questionnaire version meets', () => {
  it('accepts the defaults, and a reworded question that keeps its key', () => {
    expect(questionsProblems(defaults, defaults)).toEqual([]);
    const reworded = defaults.map((q) =>
      q.key === 'serieus' ? { ...q, text: { nl: 'Ze namen mij serieus.', en: 'They took me seriously.' } } : q,
    );
    expect(questionsProblems(reworded, defaults)).toEqual([]);
  });

  it('refuses more than nine questions, a list without the 1–10 mark and a second open question', () => {
    const ten = [...defaults, statement('extra_1', 'Extra een.'), statement('extra_2', 'Extra twee.')];
    expect(ten).toHaveLength(10);
    expect(names(ten)).toEqual(['questions']);
    expect(questionsProblems(defaults.filter((q) => q.kind !== 'score'))[0]!.reason).toMatch(/precies één vraag/);
    const twoOpen = [
      ...defaults,
      { ...defaults.find((q) => q.kind === 'open')!, key: 'open_2', text: { nl: 'Nog?', en: 'More?' } },
    ];
    expect(questionsProblems(twoOpen)[0]!.reason).toBe('hoogstens één open vraag');
  });

  it('names each field at fault: a repeated key, the same Dutch text twice, a statement without theme', () => {
    const questions = [
      ...defaults.slice(0, 7),
      statement('serieus', 'Een andere stelling.'),
      { key: 'nieuw', kind: 'smiley' as const, text: { nl: '  ik werd   SERIEUS genomen. ', en: 'Again.' } },
    ];
    expect(names(questions)).toEqual(['questions.7.key', 'questions.8.text.nl', 'questions.8.theme']);
    expect(questionsProblems(questions).find((p) => p.name === 'questions.8.text.nl')!.reason).toBe(
      'dezelfde vraag staat er al als vraag 3',
    );
  });

  it('keeps what a key measures: a kept key may not change its kind or theme, a new key may be anything', () => {
    const earlier = [...defaults, statement('weg', 'Een vraag die later verdween.')];
    const changedKind = defaults.map((q) =>
      q.key === 'beter' ? { key: 'beter', kind: 'open' as const, text: q.text } : q,
    );
    expect(
      names(
        changedKind.filter((q) => q.key !== 'open'),
        earlier,
      ),
    ).toEqual(['questions.4.kind']);
    const changedTheme = defaults.map((q) => (q.key === 'beter' ? { ...q, theme: 'toegang' as const } : q));
    expect(questionsProblems(changedTheme, earlier)).toEqual([
      expect.objectContaining({ name: 'questions.4.theme', reason: expect.stringMatching(/thema effect/) }),
    ]);
    // A key of an earlier version that was dropped still stands for what it measured.
    const back = [...defaults.slice(0, 6), { ...statement('weg', 'Terug, maar anders.'), theme: 'effect' as const }];
    expect(names([...back, ...defaults.slice(6)], earlier)).toEqual(['questions.6.theme']);
    expect(names([...defaults, { ...statement('vraag_9', 'Iets nieuws.'), theme: 'effect' }], earlier)).toEqual([]);
  });
});

describe('POST /questionnaires with the rules', () => {
  let ctx: TestContext;
  let token: string;
  let region: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    ctx = await createTestContext();
    region = await buildRegion(ctx);
    token = (await buildUser(ctx, 'contractmanager', undefined, region.id)).token;
  });
  afterAll(() => ctx.close());
  const post = (questions: unknown) =>
    call(ctx, token, 'POST', `/questionnaires?region=${region.code}`, { audience: 'jongere', questions });

  it('refuses an empty Dutch text, a changed kind and a missing theme at once, each on its field, and stores nothing', async () => {
    const questions = defaultQuestionnaires.jongere.map((q) => ({ ...q, text: { ...q.text } }));
    questions[0]!.text.nl = '   ';
    const empty = await post(questions);
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams).toEqual([
      expect.objectContaining({
        name: 'questions.0.text.nl',
        reason: 'vul de vraag in het Nederlands in (minstens 3 tekens)',
      }),
    ]);
    questions[0]!.text.nl = 'Ik kreeg snel hulp.';
    const changed = questions.map((q) => (q.key === 'zelf' ? { ...q, kind: 'score' as const, theme: undefined } : q));
    changed.push({ key: 'nieuw_1', kind: 'smiley', text: { nl: 'Een nieuwe stelling.', en: 'A new statement.' } });
    const refused = await post(changed);
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((p: { name: string }) => p.name)).toEqual([
      'questions.5.kind',
      'questions.8.theme',
      'questions',
    ]);
    const versions = (await call(ctx, token, 'GET', `/questionnaires?region=${region.code}`)).body;
    expect(versions.map((v: { audience: string; version: number }) => `${v.audience} ${v.version}`)).toEqual([
      'jongere 1',
      'ouder 1',
    ]);
  });

  it('takes a reworded question under its key and a new question under a new key as the next version', async () => {
    const questions = defaultQuestionnaires.jongere.map((q) =>
      q.key === 'snel_hulp' ? { ...q, text: { nl: 'Ik kreeg snel hulp.', en: 'I got help quickly.' } } : q,
    );
    questions.splice(6, 0, statement('vraag_9', 'Ik wist wat de hulp zou doen.'));
    const made = await post(questions);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ audience: 'jongere', version: 2 });
    expect(made.body.questions.map((q: { key: string }) => q.key)).toEqual(questions.map((q) => q.key));
  });
});
