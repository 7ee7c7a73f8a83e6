/** English for the Ervaringwijzer's pages in the app (the answer page keeps its own texts). */
export const experienceEn = {
  'Vragenlijst van de Ervaringwijzer': 'Ervaringwijzer questionnaire',
  'Uitnodigingen voor de Ervaringwijzer': 'Ervaringwijzer invitations',
} as const;
