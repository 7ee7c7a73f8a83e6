import { api } from './api-client';
import type { CodeList } from './types';
import { useLoad } from './use-load';

const cache = new Map<string, Promise<CodeList>>();

/** An iJw code list (JZ020, WJ756, …); fetched once per page load, since code lists change per release. */
export function useCodeList(name: 'JZ020' | 'JZ588' | 'WJ756' | 'COD327' | 'WMO757') {
  const [state] = useLoad(() => {
    let promise = cache.get(name);
    if (!promise) {
      promise = api<CodeList>(`/code-lists/${name}`);
      promise.catch(() => cache.delete(name));
      cache.set(name, promise);
    }
    return promise;
  }, [name]);
  return state.status === 'ok' ? state.data.data : [];
}

/** "45 – Jeugdhulp ambulant": the code first, as users know products by their code. */
export function codeOptions(list: Array<{ code: string; name: string }>) {
  return list.map((e) => ({ value: e.code, label: `${e.code} – ${e.name}` }));
}
