import { describe, expect, it } from 'vitest';
import { goalFileColumns } from '../../../shared/outcomes.js';
import { checkGoalRows } from './goal-rows.js';

const header = [...goalFileColumns];

describe('checking a goal-attainment file row by row', () => {
  it('takes good rows, restoring the leading zero a spreadsheet dropped and ignoring case and spaces', () => {
    const { rows, errors } = checkGoalRows([header, ['356', '12345678', ' Ja ', 'NEE', 'Gedeeltelijk']]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        municipalityCode: '0356',
        allocationNumber: '12345678',
        answers: { withoutHelp: 'ja', problemsReduced: 'nee', goalsMet: 'gedeeltelijk' },
      },
    ]);
  });

  it('names each wrong cell by row and column with the reason in Dutch', () => {
    const { errors } = checkGoalRows([
      header,
      ['0356', '1', 'ja', 'ja', 'volledig'],
      ['gemeente X', '12a', 'misschien', '', 'volledig'],
    ]);
    expect(errors).toEqual([
      expect.objectContaining({ name: 'rij 3, kolom A (gemeente)', reason: expect.stringMatching(/4 cijfers/) }),
      expect.objectContaining({ name: 'rij 3, kolom B (toewijzingnummer)', reason: expect.stringMatching(/"12a"/) }),
      expect.objectContaining({
        name: 'rij 3, kolom C (zonder_hulp_verder)',
        reason: '3.1: "misschien" is geen antwoord; kies ja, nee',
      }),
      expect.objectContaining({
        name: 'rij 3, kolom D (problemen_verminderd)',
        reason: '3.3: antwoord ontbreekt; kies ja, nee',
      }),
    ]);
  });

  it('refuses an allocation that appears twice, naming the first row', () => {
    const { errors } = checkGoalRows([
      header,
      ['0356', '77', 'ja', 'ja', 'volledig'],
      ['0356', '77', 'nee', 'nee', 'niet'],
    ]);
    expect(errors).toEqual([
      expect.objectContaining({
        name: 'rij 3, kolom B (toewijzingnummer)',
        reason: 'toewijzing 77 staat ook in rij 2',
      }),
    ]);
  });

  it('refuses a file whose header is not the template, and skips empty rows', () => {
    expect(checkGoalRows([['gemeente', 'nummer', 'a', 'b', 'c']]).errors.map((e) => e.name)).toEqual([
      'rij 1, kolom B',
      'rij 1, kolom C',
      'rij 1, kolom D',
      'rij 1, kolom E',
    ]);
    const { rows } = checkGoalRows([header, ['', '', '', '', ''], ['0321', '5', 'ja', 'ja', 'niet']]);
    expect(rows.map((r) => r.row)).toEqual([3]);
  });
});
