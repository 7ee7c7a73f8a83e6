import { COD327, JZ020, JZ588, WJ756, WMO757 } from './ijw-3.2.generated.js';

export { COD327, JZ020, JZ588, WJ756, WMO757 };

export type CodeListName = 'JZ020' | 'JZ588' | 'WJ756' | 'COD327' | 'WMO757';
export interface CodeListEntry {
  code: string;
  name: string;
}

export const codeLists: Record<CodeListName, readonly CodeListEntry[]> = { JZ020, JZ588, WJ756, COD327, WMO757 };

export const productCategoryCodes = JZ020.map((e) => e.code) as [string, ...string[]];
export const unitCodes = WJ756.map((e) => e.code) as [string, ...string[]];

/** Looks up the official name of a code, or undefined when the code is not in the list. */
export function describeCode(list: CodeListName, code: string): string | undefined {
  return codeLists[list].find((e) => e.code === code)?.name;
}
