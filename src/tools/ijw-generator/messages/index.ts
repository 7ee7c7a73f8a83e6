import type { MessageEvent } from '../model.js';
import { renderJw301 } from './jw301.js';
import { renderJw305 } from './jw305.js';
import { renderJw307 } from './jw307.js';
import { renderJw315 } from './jw315.js';
import { renderJw317 } from './jw317.js';
import { renderJw319 } from './jw319.js';
import { renderJw323 } from './jw323.js';

/** The XML of one message event. */
export function renderMessage(e: MessageEvent): string {
  switch (e.type) {
    case 'JW301':
      return renderJw301(e);
    case 'JW305':
      return renderJw305(e);
    case 'JW307':
      return renderJw307(e);
    case 'JW315':
      return renderJw315(e);
    case 'JW317':
      return renderJw317(e);
    case 'JW319':
      return renderJw319(e);
    case 'JW323':
      return renderJw323(e);
  }
}
