import { describe, expect, it } from 'vitest';
import { containsBsnLike } from '../../../shared/bsn.js';
import { ZActionCreate, ZEscalation, ZMeetingUpdate } from './meetings.schema.js';

const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe('text that looks like a BSN', () => {
  it('finds nine digits that pass the 11-proef, also written in groups', () => {
    expect(containsBsnLike('jeugdige 111222333 wacht')).toBe(true);
    expect(containsBsnLike('bsn 111 222 333')).toBe(true);
    expect(containsBsnLike('nummer 11.12.22.333')).toBe(true);
  });

  it('leaves other numbers alone: failing the 11-proef, longer numbers, dates and amounts', () => {
    expect(containsBsnLike('jeugdige 111222334 wacht')).toBe(false);
    expect(containsBsnLike('AGB 1112223330')).toBe(false);
    expect(containsBsnLike('op 2026-12-07 voor € 12.500')).toBe(false);
    expect(containsBsnLike('000000000')).toBe(false);
  });
});

describe('an escalated case', () => {
  it('takes a pseudonymised reference and a summary', () => {
    expect(ZEscalation.safeParse({ reference: 'ESC-2026-014', summary: 'Geen plek na 12 weken' }).success).toBe(true);
  });

  it('refuses a name field rather than dropping it', () => {
    const r = ZEscalation.safeParse({ reference: 'ESC-2026-014', summary: 'Wacht', name: 'Jan Jansen' });
    expect(messages(r).join()).toContain('namen en andere velden worden geweigerd');
  });

  it('refuses a summary or a reference with a BSN-like number', () => {
    expect(messages(ZEscalation.safeParse({ reference: 'ESC-1', summary: 'cliënt 111222333' })).join()).toContain(
      'lijkt (11-proef)',
    );
    expect(messages(ZEscalation.safeParse({ reference: '111222333', summary: 'wacht' })).join()).toContain(
      'lijkt (11-proef)',
    );
  });

  it('refuses the same in a meeting update, so nothing of it is saved', () => {
    const r = ZMeetingUpdate.safeParse({ escalations: [{ reference: 'ESC-2026-1', summary: 'BSN 111 222 333' }] });
    expect(r.success).toBe(false);
  });
});

describe('an action item', () => {
  it('needs an owner and a due date', () => {
    const r = ZActionCreate.safeParse({ title: 'Wachtlijst opschonen' });
    expect(messages(r)).toEqual(['Eigenaar: kies regio of aanbieder', 'Uiterste datum: vul een datum in']);
    expect(
      ZActionCreate.safeParse({ title: 'Wachtlijst opschonen', ownerSide: 'region', dueDate: '2026-02-30' }).success,
    ).toBe(false);
    expect(
      ZActionCreate.safeParse({ title: 'Wachtlijst opschonen', ownerSide: 'region', dueDate: '2026-12-31' }).success,
    ).toBe(true);
  });
});
