import { describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  followMenuLink,
  screenshot,
  settle,
  signInAs,
  useAppInBrowser,
} from './harness.js';

const questionsOnPage = (ctx: ReturnType<typeof useAppInBrowser>) => ctx.page.locator('.faq-entry h3').allInnerTexts();

/**
 * The FAQ for providers: the provider reads the region's published questions (not the concepts); the contract manager
 * adds one, refused while it holds what may be a BSN; on the provider's next visit it is marked new, also while
 * searching.
 */
describe('Veelgestelde vragen', () => {
  const ctx = useAppInBrowser();

  it('shows the provider the published questions, not the concepts, and marks nothing on a first visit', async () => {
    await signInAs(ctx, 'aanbieder');
    await followMenuLink(ctx.page, 'Veelgestelde vragen');
    await settle(ctx.page, 'Veelgestelde vragen');
    const first = await questionsOnPage(ctx);
    expect(first).toContain('Binnen welke termijn moet ik declareren?');
    // The demo's concept is the region's alone; a first visit marks nothing as new.
    expect(first.some((q) => q.includes('Ervaringwijzer'))).toBe(false);
    expect(first.some((q) => /Nieuw|Gewijzigd/.test(q))).toBe(false);
    expect(await ctx.page.getByRole('link', { name: /^Wijzigen/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(ctx.page);
  });

  it('lets the contract manager publish a question, not while it holds what may be a BSN', async () => {
    await signInAs(ctx, 'contractmanager');
    await followMenuLink(ctx.page, 'Veelgestelde vragen');
    await settle(ctx.page, 'Veelgestelde vragen');
    expect((await questionsOnPage(ctx)).some((q) => q.includes('Ervaringwijzer') && q.includes('Concept'))).toBe(true);
    await ctx.page.getByRole('link', { name: 'Nieuwe vraag' }).click();
    await settle(ctx.page, 'Nieuwe vraag');
    await ctx.page.getByLabel('Thema').fill('Toewijzingen');
    await ctx.page.getByLabel('Vraag', { exact: true }).fill('Wat doe ik als cliënt 111222333 verhuist?');
    await ctx.page.getByLabel('Antwoord').fill('Stuur een JW307 met reden verhuizing.');
    await ctx.page.getByLabel('Publiceren: aanbieders lezen het').check();
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await ctx.page.locator('#question-error').waitFor();
    expect(await ctx.page.locator('#question-error').innerText()).toContain('BSN');
    await expectNoSeriousA11yViolations(ctx.page);
    await ctx.page.getByLabel('Vraag', { exact: true }).fill('Wat doe ik als een jeugdige verhuist?');
    await ctx.page.getByRole('button', { name: 'Opslaan' }).click();
    await settle(ctx.page, 'Veelgestelde vragen');
    await ctx.page.getByText('De gegevens zijn opgeslagen.').waitFor();
  });

  it('marks the new question on the provider’s next visit, also while searching', async () => {
    await signInAs(ctx, 'aanbieder');
    await followMenuLink(ctx.page, 'Veelgestelde vragen');
    await settle(ctx.page, 'Veelgestelde vragen');
    await ctx.page.getByText(/Nieuw of gewijzigd sinds uw vorige bezoek op .*: 1\./).waitFor();
    expect(await questionsOnPage(ctx)).toContain('Wat doe ik als een jeugdige verhuist? Nieuw');
    // Searching keeps comparing with the visit before this one.
    await ctx.page.getByLabel('Zoeken').fill('verhuist');
    await ctx.page.getByRole('button', { name: 'Zoeken' }).click();
    await ctx.page.waitForURL(/zoek=verhuist/);
    await ctx.page.waitForFunction(() => document.querySelectorAll('.faq-entry').length === 1);
    expect(await questionsOnPage(ctx)).toEqual(['Wat doe ik als een jeugdige verhuist? Nieuw']);
    await expectNoSeriousA11yViolations(ctx.page);
    await screenshot(ctx.page, 'faq-provider');
  });
});
