import { formatDay } from '../dates.js';
import type { MessageType, Trajectory, Youth } from '../model.js';

/** Namespaces of iJw 3.2: one per message, and the basisschema for the shared datatypes. */
export const basisNamespace = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';
export const messageNamespace = (type: MessageType): string =>
  `http://www.istandaarden.nl/ijw/3_2/${type.toLowerCase()}/schema`;

/** BerichtCode: the fixed pattern value in each message XSD. */
export const berichtCodes: Record<MessageType, string> = {
  JW301: '436',
  JW305: '438',
  JW307: '440',
  JW315: '446',
  JW317: '486',
  JW319: '488',
  JW323: '490',
};

/**
 * XsdVersie as in the example messages (1.0.0). The XSD copies here carry 0.1.0 in their appinfo, which looks like a
 * concept issue (see ijw/SOURCES.md); the element's pattern accepts both.
 */
export const xsdVersie = { basisschema: '1.0.0', bericht: '1.0.0' };

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export function esc(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => escapes[c] ?? c) : text;
}

/** XML declaration, root element with both namespaces, and the Header. */
export function begin(type: MessageType, sender: string, receiver: string, identificatie: string, day: number): string {
  const p = type.toLowerCase();
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}:Bericht xmlns:ijw="${basisNamespace}" xmlns:${p}="${messageNamespace(type)}">
	<${p}:Header>
		<${p}:BerichtCode>${berichtCodes[type]}</${p}:BerichtCode>
		<${p}:BerichtVersie>3</${p}:BerichtVersie>
		<${p}:BerichtSubversie>2</${p}:BerichtSubversie>
		<${p}:Afzender>${sender}</${p}:Afzender>
		<${p}:Ontvanger>${receiver}</${p}:Ontvanger>
		<${p}:BerichtIdentificatie>
			<ijw:Identificatie>${esc(identificatie)}</ijw:Identificatie>
			<ijw:Dagtekening>${formatDay(day)}</ijw:Dagtekening>
		</${p}:BerichtIdentificatie>
		<${p}:XsdVersie>
			<ijw:BasisschemaXsdVersie>${xsdVersie.basisschema}</ijw:BasisschemaXsdVersie>
			<ijw:BerichtXsdVersie>${xsdVersie.bericht}</ijw:BerichtXsdVersie>
		</${p}:XsdVersie>
	</${p}:Header>
`;
}

export function end(type: MessageType): string {
  return `</${type.toLowerCase()}:Bericht>\n`;
}

/** Bsn, Geboortedatum, Geslacht and Naam of a client; `full` gives CDT_VolledigeNaam (with NaamGebruik, JW301). */
export function clientIdentity(p: string, youth: Youth, full: boolean): string {
  const prefix = youth.prefix ? `\n\t\t\t\t<ijw:Voorvoegsel>${esc(youth.prefix)}</ijw:Voorvoegsel>` : '';
  return `		<${p}:Bsn>${youth.bsn}</${p}:Bsn>
		<${p}:Geboortedatum>
			<ijw:Datum>${formatDay(youth.birthDay)}</ijw:Datum>
		</${p}:Geboortedatum>
		<${p}:Geslacht>${youth.gender}</${p}:Geslacht>
		<${p}:Naam>
			<ijw:Geslachtsnaam>
				<ijw:Achternaam>${esc(youth.lastName)}</ijw:Achternaam>${prefix}
			</ijw:Geslachtsnaam>
			<ijw:Voornamen>${esc(youth.firstNames)}</ijw:Voornamen>
			<ijw:Voorletters>${esc(youth.initials)}</ijw:Voorletters>${full ? '\n\t\t\t<ijw:NaamGebruik>1</ijw:NaamGebruik>' : ''}
		</${p}:Naam>
`;
}

/** CDT_Product at the given indentation. */
export function product(
  p: string,
  element: string,
  category: string,
  code: string | undefined,
  indent: string,
): string {
  const codeLine = code ? `\n${indent}\t<ijw:Code>${esc(code)}</ijw:Code>` : '';
  return `${indent}<${p}:${element}>
${indent}	<ijw:Categorie>${category}</ijw:Categorie>${codeLine}
${indent}</${p}:${element}>
`;
}

/** CDT_Omvang at the given indentation. */
export function omvang(p: string, o: { volume: number; unit: string; frequency: string }, indent: string): string {
  return `${indent}<${p}:Omvang>
${indent}	<ijw:Volume>${o.volume}</ijw:Volume>
${indent}	<ijw:Eenheid>${o.unit}</ijw:Eenheid>
${indent}	<ijw:Frequentie>${o.frequency}</ijw:Frequentie>
${indent}</${p}:Omvang>
`;
}

export const date = formatDay;

/**
 * The key of a start or stop (IV096): ToewijzingNummer with the allocated product and its Ingangsdatum for
 * inspannings- and outputgericht care; for taakgericht care (no allocation) only Product and Begindatum.
 */
export function startStopKey(p: string, t: Trajectory): string {
  const a = t.allocation;
  const lines = a ? `				<${p}:ToewijzingNummer>${a.number}</${p}:ToewijzingNummer>\n` : '';
  const ingang = a ? `				<${p}:ToewijzingIngangsdatum>${date(a.start)}</${p}:ToewijzingIngangsdatum>\n` : '';
  return `${lines}${product(p, 'Product', t.product.productCategory, t.product.productCode, '\t\t\t\t')}${ingang}`;
}
