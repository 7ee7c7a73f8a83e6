import { useEffect } from 'react';

/** Sets the browser tab's title, so each page is announced and listed in history by its own name. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} | Zorglandschap` : 'Zorglandschap';
  }, [title]);
}
