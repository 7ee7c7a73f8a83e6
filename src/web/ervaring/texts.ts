/**
 * The answer page's own texts in plain Dutch (B1) and English; young people are addressed with "je", parents with
 * "u". Kept apart from the app's i18n so the page loads none of the app.
 */
export type Lang = 'nl' | 'en';
export type Audience = 'jongere' | 'ouder';

const nl = {
  loading: 'Even laden…',
  title: 'Hoe was de hulp?',
  titleOf: 'Hoe was de hulp van {provider}?',
  intro: {
    ouder: '{count} korte vragen, ongeveer twee minuten. U mag een vraag overslaan.',
    jongere: '{count} korte vragen, ongeveer twee minuten. Je mag een vraag overslaan.',
  },
  privacy: {
    ouder:
      'Dit is anoniem: we vragen niet uw naam en bewaren geen IP-adres. Tot u verstuurt, bewaren we uw antwoorden alleen op dit apparaat. De antwoorden helpen de regio en de hulpverleners om te leren, niet om te kiezen wie hulp mag geven.',
    jongere:
      'Dit is anoniem: we vragen niet je naam en bewaren geen IP-adres. Tot je verstuurt, bewaren we je antwoorden alleen op dit apparaat. De antwoorden helpen de regio en de hulpverleners om te leren, niet om te kiezen wie hulp mag geven.',
  },
  otherLanguage: 'Read in English',
  question: 'Vraag {n} van {count}',
  openHint: 'Hoogstens {max} tekens. Nog {left} over.',
  send: 'Versturen',
  sending: 'Bezig met versturen…',
  errorsTitle: 'Nog niet verstuurd',
  nothingAnswered: 'Beantwoord minstens één vraag.',
  thanksTitle: 'Dank je wel!',
  thanksTitleOuder: 'Dank u wel!',
  thanks: {
    ouder: 'Uw antwoorden zijn verstuurd. U kunt deze pagina nu sluiten.',
    jongere: 'Je antwoorden zijn verstuurd. Je kunt deze pagina nu sluiten.',
  },
  notFoundTitle: 'Deze link werkt niet',
  goneTitle: 'Deze link is niet meer geldig',
  busyTitle: 'Even wachten',
  offlineTitle: 'Geen verbinding',
  offline:
    'We konden de vragenlijst niet bereiken. Uw antwoorden staan bewaard op dit apparaat. Probeer het zo opnieuw.',
  retry: 'Opnieuw proberen',
  failed: 'Er ging iets mis. Uw antwoorden staan bewaard op dit apparaat. Probeer het later opnieuw.',
};

type Texts = typeof nl;

const en: Texts = {
  loading: 'Loading…',
  title: 'How was the help?',
  titleOf: 'How was the help from {provider}?',
  intro: {
    ouder: '{count} short questions, about two minutes. You may skip a question.',
    jongere: '{count} short questions, about two minutes. You may skip a question.',
  },
  privacy: {
    ouder:
      'This is anonymous: we do not ask your name and keep no IP address. Until you send them, your answers are kept on this device only. The answers help the region and the care providers learn, not choose who may give help.',
    jongere:
      'This is anonymous: we do not ask your name and keep no IP address. Until you send them, your answers are kept on this device only. The answers help the region and the care providers learn, not choose who may give help.',
  },
  otherLanguage: 'Lees in het Nederlands',
  question: 'Question {n} of {count}',
  openHint: 'At most {max} characters. {left} left.',
  send: 'Send',
  sending: 'Sending…',
  errorsTitle: 'Not sent yet',
  nothingAnswered: 'Please answer at least one question.',
  thanksTitle: 'Thank you!',
  thanksTitleOuder: 'Thank you!',
  thanks: {
    ouder: 'Your answers have been sent. You can close this page now.',
    jongere: 'Your answers have been sent. You can close this page now.',
  },
  notFoundTitle: 'This link does not work',
  goneTitle: 'This link is no longer valid',
  busyTitle: 'Please wait',
  offlineTitle: 'No connection',
  offline: 'We could not reach the questionnaire. Your answers are kept on this device. Please try again shortly.',
  retry: 'Try again',
  failed: 'Something went wrong. Your answers are kept on this device. Please try again later.',
};

export const texts: Record<Lang, Texts> = { nl, en };

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
