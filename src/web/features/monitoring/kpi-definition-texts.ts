import type { KpiId } from '../../../shared/kpi';

/**
 * The definition of each KPI as docs/kpi.md gives it (formula and source), for the "Definitie" section of a KPI's
 * page, in Dutch and English. The one-line Dutch description stays in src/shared/kpi.ts; `summaryEn` is its English.
 */
interface DefinitionText {
  summaryEn: string;
  nl: string;
  en: string;
  source: string;
}

export const kpiDefinitionTexts: Record<KpiId, DefinitionText> = {
  youths_in_care: {
    summaryEn: 'Distinct youths with a youth-care trajectory that ran in the period.',
    nl: 'Unieke jeugdigen (pseudoniem van het BSN) met een jeugdhulptraject dat in de periode liep: start (JW305) vóór of op de laatste dag en geen einde (JW307) vóór de eerste dag. Jeugdbescherming en jeugdreclassering tellen niet mee: die hebben een eigen cijfer, zoals bij het CBS. Dat geldt ook voor alle andere cijfers over trajecten.',
    en: 'Distinct youths (pseudonym of the BSN) with a youth-help trajectory in care during the period: start (JW305) on or before the last day and no end (JW307) before the first day. Youth protection and youth probation do not count: they have figures of their own, as at CBS. The same holds for every other figure about trajectories.',
    source: 'CBS Beleidsinformatie Jeugd: jongeren met jeugdhulp',
  },
  inflow: {
    summaryEn: 'Youths in care in the period who had no trajectory the day before it.',
    nl: 'Jeugdigen in zorg in de periode (in de cel) die op de dag vóór de periode niet in zorg waren (in de cel).',
    en: 'Youths in care during the period (in the cell) who were not in care in the cell on the day before the period.',
    source: 'CBS Beleidsinformatie Jeugd: instroom',
  },
  outflow: {
    summaryEn: 'Youths in care in the period who had no trajectory left on the day after it.',
    nl: 'Jeugdigen in zorg in de periode (in de cel) die op de dag na de periode niet meer in zorg zijn (in de cel).',
    en: 'Youths in care during the period (in the cell) who are not in care in the cell on the day after the period.',
    source: 'CBS Beleidsinformatie Jeugd: uitstroom',
  },
  spend: {
    summaryEn: 'Amount declared (JW323) over the period, beside the budget for the period.',
    nl: 'Som van de bedragen van de JW323-prestaties (creditregels negatief) met begin in de periode, in euro; ernaast het budget voor de periode: jaarbudget × het deel van het jaar dat in de periode valt.',
    en: 'Sum of the JW323 prestatie amounts (credits negative) with prestatie begin in the period, in euro; beside it the budget for the period: the year’s budget × the share of the year in the period.',
    source: 'Begroting van de regio',
  },
  spend_forecast: {
    summaryEn: 'Expected spend over the whole year: declared so far plus the running allocations at their run rate.',
    nl: 'Gedeclareerd van 1 januari tot het einde van de periode, plus voor elk traject dat daarna doorloopt de run rate (gedeclareerd over de laatste drie maanden per dag) × de resterende dagen in het jaar; ernaast het jaarbudget. Een signaal als de prognose boven het budget komt.',
    en: 'Declared from 1 January to the end of the period, plus for each trajectory still running after it its run rate (declared over the last three months per day) × its remaining days in the year; beside it the year’s budget. A signal when the forecast exceeds the budget.',
    source: 'Begroting van de regio',
  },
  request_wait_days: {
    summaryEn:
      'Median days from the provider’s request (JW315) to the start of care, for trajectories with a request that started in the period.',
    nl: 'Mediaan van het aantal dagen van de aanvraag van de aanbieder (verzoek om toewijzing, JW315: de dagtekening van het eerste verzoek bij de toewijzing) tot de start van de zorg (JW305), over trajecten die in de periode startten en een aanvraag hebben. Zorg zonder aanvraag (de gemeente wees zelf toe, of taakgerichte zorg) telt hier niet mee. Start vóór de aanvraag telt als 0 dagen.',
    en: 'Median number of days from the provider’s request (JW315: the date of the first request linked to the allocation) to the start of care (JW305), over trajectories that started in the period and have a request. Care without a request (allocated by the municipality itself, or taakgericht care) is left out. A start before the request counts as 0 days.',
    source: 'Treeknorm: ≤ 4 weken van aanmelding tot intake, ≤ 10 weken tot behandeling',
  },
  allocation_wait_days: {
    summaryEn:
      'Median days from the municipality’s allocation (JW301) to the start of care, for trajectories with an allocation that started in the period.',
    nl: 'Mediaan van het aantal dagen van de toewijzing door de gemeente (JW301: de toewijzingsdatum, anders de dagtekening van het bericht) tot de start van de zorg (JW305), over trajecten die in de periode startten en een toewijzing hebben. Taakgerichte zorg heeft geen toewijzing en telt niet mee. Start vóór de toewijzing telt als 0 dagen.',
    en: 'Median number of days from the municipality’s allocation (JW301: the allocation date, else the message’s date) to the start of care (JW305), over trajectories that started in the period and have an allocation. Taakgericht care has no allocation and is left out. A start before the allocation counts as 0 days.',
    source: 'Treeknorm ≤ 10 weken tot behandeling (een bovengrens: de toewijzing volgt op de aanmelding)',
  },
  dropout: {
    summaryEn: 'Share of ended trajectories that ended prematurely (reason 32–35).',
    nl: 'Beëindigde trajecten (einde in de periode, niet reden 20 of 37) met reden voortijdig (32, 33, 34, 35) gedeeld door alle beëindigde trajecten, in procenten.',
    en: 'Ended trajectories (end in the period, reason not 20 or 37) with a premature reason (32, 33, 34, 35) divided by all ended trajectories, as a percentage.',
    source: 'Harmonisatie uitkomstindicatoren, indicator 1 (uitval)',
  },
  ended_per_plan: {
    summaryEn: 'Share of ended trajectories that ended as planned (reason 31 or moving on to another domain).',
    nl: 'Dezelfde noemer als uitval; teller: reden volgens plan (31, en 39 uitstroom naar een ander domein), in procenten.',
    en: 'The same denominator as drop-out; numerator: reason as planned (31, and 39 moving on to another domain), as a percentage.',
    source: 'CBS Beleidsinformatie Jeugd: beëindigd volgens plan',
  },
  repeat_care_6m: {
    summaryEn: 'Share of ended trajectories after which youth care started again within 6 months.',
    nl: 'Trajecten beëindigd in de periode (niet reden 02 of 38) waarvan einde + 6 maanden vóór de gegevensdatum ligt, en waarna dezelfde jeugdige binnen 6 maanden een nieuw traject startte, gedeeld door al die trajecten.',
    en: 'Trajectories ended in the period (not reason 02 or 38) whose end + 6 months lies before the data date, after which the same youth started a new trajectory within 6 months, divided by all of them.',
    source: 'Harmonisatie uitkomstindicatoren, indicator 3.2 (geen nieuwe start jeugdhulp)',
  },
  repeat_care_12m: {
    summaryEn: 'Share of ended trajectories after which youth care started again within 12 months.',
    nl: 'Als herhaald beroep binnen 6 maanden, met 12 maanden.',
    en: 'As re-entry within 6 months, with 12 months.',
    source: 'Harmonisatie uitkomstindicatoren, indicator 3.2',
  },
  goal_without_help: {
    summaryEn:
      'Harmonised outcome set 3.1: share of the ended allocations with goal attainment registered after which the youth continues without help.',
    nl: 'Van de toewijzingen die in de periode eindigden (stopbericht JW307) en waarvoor de aanbieder doelrealisatie vastlegde, het aandeel met antwoord "ja" op 3.1: kan de jeugdige (met het gezin) zonder hulp verder. De aanbieder legt dit per toewijzing vast in Zorglandschap (geen iJw-bericht draagt het). Kleine aantallen weggelaten naar het aantal jeugdigen achter de vastgelegde toewijzingen. Bij een lage volledigheid (vastgelegd ÷ beëindigd onder de drempel van de regio) staat een waarschuwing bij de cijfers.',
    en: 'Of the allocations that ended in the period (stop message JW307) and for which the provider registered goal attainment, the share answered "yes" to 3.1: the youth (with the family) continues without help. Providers register this per allocation in Zorglandschap (no iJw message carries it). Small numbers withheld by the youths behind the registered allocations. When completeness (registered ÷ ended) is below the region\'s threshold the figures carry a warning.',
    source: 'Harmonisatie uitkomstindicatoren, indicator 3.1',
  },
  goal_problems_reduced: {
    summaryEn:
      'Harmonised outcome set 3.3: share of the registered ended allocations with problems reduced or self-reliance up.',
    nl: 'Als zonder hulp verder, met het aandeel "ja" op 3.3: zijn de problemen verminderd en/of is de zelfredzaamheid of participatie toegenomen.',
    en: 'As continues without help, with the share "yes" to 3.3: problems reduced and/or self-reliance or participation increased.',
    source: 'Harmonisatie uitkomstindicatoren, indicator 3.3',
  },
  goal_goals_met: {
    summaryEn:
      'Harmonised outcome set 3.4: share of the registered ended allocations whose agreed goals were fully met.',
    nl: 'Als zonder hulp verder, met het aandeel "volledig" op 3.4: in welke mate zijn de overeengekomen doelen gerealiseerd (volledig, gedeeltelijk, niet).',
    en: 'As continues without help, with the share "fully" to 3.4: to what extent were the agreed goals met (fully, partly, not).',
    source: 'Harmonisatie uitkomstindicatoren, indicator 3.4',
  },
  length_of_stay: {
    summaryEn: 'Average days from start to end, for ended trajectories with stay.',
    nl: 'Gemiddelde van (einde − start + 1) dagen over trajecten met verblijf die in de periode eindigden.',
    en: 'Mean of (end − start + 1) days over trajectories with stay that ended in the period.',
    source: 'Contract-KPI van de regio (ligduur)',
  },
  ambulant_stay_ratio: {
    summaryEn:
      'How many youths have ambulant care per youth with care with stay: 10 : 1 is ten ambulant to one with stay. Higher is more care close to home.',
    nl: 'Jeugdigen in zorg in de periode met ambulante zorg, gedeeld door jeugdigen met zorg met verblijf, geschreven als verhouding: 10,4 : 1 betekent dat er op elke jeugdige met verblijf 10,4 jeugdigen ambulante zorg krijgen. Ambulant is zorg zonder verblijf, maar niet crisishulp, jeugdbescherming of jeugdreclassering: die telt het CBS apart.',
    en: 'Youths in care during the period with ambulant care divided by youths with care with stay, written as a ratio: 10.4 : 1 means that for each youth with stay, 10.4 youths receive ambulant care. Ambulant is care without stay, but not crisis care, youth protection or youth probation: CBS counts those apart.',
    source:
      'Contract-KPI van de regio (verhouding ambulant / bed); ambulant als bij het CBS: jeugdhulp zonder verblijf',
  },
  family_care_share: {
    summaryEn: 'Share of the youths with stay who live in a foster family or family home.',
    nl: 'Jeugdigen met verblijf in de periode in een gezinsvorm (pleegzorg, gezinshuis) gedeeld door alle jeugdigen met verblijf, in procenten.',
    en: 'Youths with stay during the period in a family setting (foster care, family home) divided by all youths with stay, as a percentage.',
    source: 'Transformatiedoel (+30 % gezinsvormen)',
  },
  residential_youths: {
    summaryEn: 'Distinct youths with stay in a residential or closed setting.',
    nl: 'Unieke jeugdigen in zorg in de periode met een traject in residentieel of gesloten verblijf.',
    en: 'Distinct youths in care during the period with a trajectory in residential or closed stay.',
    source: 'Transformatiedoel (−30 % residentieel)',
  },
  outside_region_share: {
    summaryEn: 'Share of youths in care with a provider that had no contract for the lot of that care.',
    nl: 'Jeugdigen in zorg met een traject bij een aanbieder die in die tijd geen contract met de regio had voor het perceel van het product, gedeeld door alle jeugdigen in zorg, in procenten. Een contract voor een ander perceel telt niet. Zorg in een product dat niet in het productenboek staat, heeft geen perceel en dus geen contract.',
    en: 'Youths in care with a trajectory at a provider that had no contract with the region for the lot of the product at that time, divided by all youths in care, as a percentage. A contract for another lot does not count. Care in a product that is not in the product book has no lot and so no contract.',
    source: 'Contractsturing van de regio (zorg binnen contract); geen CBS-definitie',
  },
  outside_region_location_share: {
    summaryEn: 'Share of youths in care with a provider none of whose locations lies in the region.',
    nl: 'Jeugdigen in zorg met een traject bij een aanbieder van wie geen enkele vestiging in een gemeente van de regio ligt, gedeeld door alle jeugdigen in zorg, in procenten. De gemeente van een vestiging volgt uit haar postcode (de ingelezen tabel van postcodegebieden met hun gemeente). Een aanbieder van wie geen vestiging te plaatsen is, telt niet als buiten de regio. De vestigingen van vandaag gelden voor elke periode. Zonder die tabel is er geen cijfer.',
    en: 'Youths in care with a trajectory at a provider none of whose locations lies in a municipality of the region, divided by all youths in care, as a percentage. A location’s municipality follows from its postcode (the imported table of postcode areas with their municipality). A provider none of whose locations can be placed does not count as outside. Today’s locations place every period. Without that table there is no figure.',
    source: 'Zorg dichtbij huis (transformatiedoel); iJw noemt geen locatie, dus de vestigingen van de aanbieder',
  },
  youths_18_plus: {
    summaryEn: 'Distinct youths in care who are 18 or older on the last day of the period.',
    nl: 'Unieke jeugdigen in zorg in de periode die op de laatste dag van de periode 18 jaar of ouder zijn. Van de geboortedatum bewaren we alleen jaar en maand; dat is genoeg voor elke maand, elk kwartaal en elk jaar.',
    en: 'Distinct youths in care during the period who are 18 or older on the period’s last day. Of the birth date only year and month are kept; that suffices for every month, quarter and year.',
    source: 'CBS: leeftijd op peildatum (jongeren met jeugdzorg, persoonskenmerken)',
  },
  youths_youth_protection: {
    summaryEn: 'Distinct youths with a youth protection measure in the period.',
    nl: 'Unieke jeugdigen met een traject jeugdbescherming (productcategorie 48) dat in de periode liep. Het CBS telt jeugdbescherming apart van jeugdhulp; daarom tellen deze trajecten niet mee in de andere cijfers.',
    en: 'Distinct youths with a youth protection trajectory (product category 48) in care during the period. CBS counts youth protection apart from youth help; so these trajectories do not count in the other figures.',
    source: 'CBS Beleidsinformatie Jeugd: jongeren met jeugdbescherming',
  },
  youths_youth_probation: {
    summaryEn: 'Distinct youths with youth probation in the period.',
    nl: 'Unieke jeugdigen met een traject jeugdreclassering (productcategorie 47) dat in de periode liep. Het CBS telt jeugdreclassering apart van jeugdhulp; daarom tellen deze trajecten niet mee in de andere cijfers.',
    en: 'Distinct youths with a youth probation trajectory (product category 47) in care during the period. CBS counts youth probation apart from youth help; so these trajectories do not count in the other figures.',
    source: 'CBS Beleidsinformatie Jeugd: jongeren met jeugdreclassering',
  },
  satisfaction: {
    summaryEn: 'Average score from experience research, where that data exists.',
    nl: 'Gemiddeld rapportcijfer (1–10) voor het effect van de hulp uit de Ervaringwijzer, in de maand dat het antwoord binnenkwam; per gemeente van de reeks uitnodigingen (een reeks op aantal of van meer gemeenten telt als Onbekend). Niet beschikbaar zolang de regio geen antwoorden heeft (er wordt geen cijfer verzonnen).',
    en: 'Mean mark (1–10) for the effect of the help from the Ervaringwijzer, in the month the answer came in; per municipality of the batch of invitations (a batch by number or of several municipalities counts as Unknown). Not available while the region has no answers (no figure is invented without them).',
    source: 'Harmonisatie uitkomstindicatoren, indicator 2',
  },
};
