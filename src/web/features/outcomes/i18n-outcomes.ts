/** English for goal attainment (doelrealisatie). */
export const outcomesEn = {
  Doelrealisatie: 'Goal attainment',
  'Drempel doelrealisatie': 'Goal attainment threshold',
  'Per beëindigde toewijzing legt de aanbieder vast of de jeugdige zonder hulp verder kan (3.1), of de problemen verminderd zijn (3.3) en in welke mate de afgesproken doelen zijn gehaald (3.4). De cijfers zijn om van te leren en op te sturen; er is geen rangorde van aanbieders.':
    'For each ended allocation the provider registers whether the youth continues without help (3.1), whether problems were reduced (3.3) and to what extent the agreed goals were met (3.4). The figures are for learning and steering; providers are not ranked.',
  'Laatste volledige kwartaal': 'Last complete quarter',
  'Volledigheid {period}': 'Completeness {period}',
  'Te onvolledig om op te vertrouwen: minder dan {min}% van de beëindigde toewijzingen is vastgelegd bij {names}.':
    'Too incomplete to rely on: fewer than {min}% of the ended allocations are registered at {names}.',
  'Vastgelegd ÷ beëindigd per aanbieder': 'Registered ÷ ended per provider',
  Vastgelegd: 'Registered',
  Volledigheid: 'Completeness',
  'Regio totaal': 'Region total',
  'te laag': 'too low',
  'Doelrealisatie {period}': 'Goal attainment {period}',
  'Nog geen doelrealisatie vastgelegd.': 'No goal attainment registered yet.',
  'Aandeel van de vastgelegde beëindigde toewijzingen; minder dan {n} jeugdigen: weggelaten (< 10)':
    'Share of the registered ended allocations; fewer than {n} youths: withheld (< 10)',
  'Eigen organisatie': 'Own organisation',
  'Drempel voor de volledigheid': 'Completeness threshold',
  'Minimaal vastgelegd (procent)': 'Minimum registered (percent)',
  'Daaronder krijgen de cijfers van een aanbieder een waarschuwing.': "Below it a provider's figures carry a warning.",
  'Eén toewijzing vastleggen': 'Register one allocation',
  'Uw beëindigde toewijzingen': 'Your ended allocations',
  '{ended} beëindigd, waarvan {open} nog niet vastgelegd.': '{ended} ended, {open} of them not yet registered.',
  'De {n} laatst beëindigde': 'The {n} most recently ended',
  'nog niet': 'not yet',
  'Er zijn nog geen beëindigde toewijzingen.': 'There are no ended allocations yet.',
  'Kies…': 'Choose…',
  'Vastgelegd.': 'Registered.',
  'Kwartaalbestand inlezen': 'Upload the quarterly file',
  'Download het bestand met uw beëindigde toewijzingen, vul per rij de drie antwoorden in en lees het hier in. Klopt één rij niet, dan wordt niets opgeslagen en staat elke foute rij hieronder. Opnieuw inlezen telt niets dubbel.':
    'Download the file with your ended allocations, fill in the three answers per row and upload it here. If one row is wrong, nothing is stored and each wrong row is listed below. Uploading again counts nothing twice.',
  'Bestand met beëindigde toewijzingen (Excel)': 'File with ended allocations (Excel)',
  'Bestand met beëindigde toewijzingen (CSV)': 'File with ended allocations (CSV)',
  'Ingelezen: {saved} toewijzingen vastgelegd, {unchanged} ongewijzigd.':
    'Uploaded: {saved} allocations registered, {unchanged} unchanged.',
  'Doelrealisatie te onvolledig om op te vertrouwen: {percent}% van de beëindigde toewijzingen is vastgelegd, minder dan de drempel van {min}%.':
    'Goal attainment too incomplete to rely on: {percent}% of the ended allocations are registered, below the threshold of {min}%.',
  'Volledigheid per aanbieder': 'Completeness per provider',
} as const;
